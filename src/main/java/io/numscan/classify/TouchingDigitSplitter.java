package io.numscan.classify;

import io.numscan.geom.Box;
import io.numscan.segment.Glyph;
import io.numscan.segment.LabelImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Splits glyphs that are really two or three touching digits. Segmentation proposes cuts at the
 * thinnest columns; the classifier decides: a cut is kept only when it is surer of both halves
 * than of the whole.
 */
public final class TouchingDigitSplitter {
    /** A glyph at least this wide for its height may hold two digits. */
    private static final double MIN_ASPECT = 0.95;
    private static final double MIN_PART_PROBABILITY = 0.9;
    private static final double SURELY_SEVERAL_ASPECT = 1.25;
    private static final double MIN_WIDE_PART_PROBABILITY = 0.75;
    private static final double MIXED_MARGIN = 0.02;
    private static final double SURE_SYMBOL = 0.95;
    /** A glyph too wide for one digit that reads as one at less than this is still taken for several. */
    private static final double DOUBTFUL_WHOLE_DIGIT = 0.5;
    private static final double MIN_DIGIT_WIDTH = 0.45;
    /**
     * Evenly spaced cuts across the middle half, besides the thinnest columns (two round digits
     * touch along a thick stretch, so the joint need not be thin). Seven land within about a
     * tenth of a digit's width of any joint; ten read the corpus no better for a fifth more crops.
     */
    private static final int EVEN_CUTS = 7;
    private static final int THIN_CUTS = 3;
    /** A whole the classifier reads as this likely a digit is a fair one. */
    private static final double FAIR_WHOLE_DIGIT = 0.75;
    /** Touching digits are about twice as wide as one; a handwritten 4 or 0 is rarely this much wider than its neighbours. */
    private static final double SEVERAL_WIDTHS = 1.75;
    /**
     * Printed digits are about equally wide (a 1 aside), so two touching ones cut apart give
     * parts of about one width. A cut that leaves one digit more than this much wider than
     * another went through a symbol (the % of 19% cut into a 9 and a 6) or through a digit.
     */
    private static final double MAX_DIGIT_WIDTH_RATIO = 1.4;
    /** A slash reaches about the line's full height ... */
    private static final double SLASH_HEIGHT = 0.85;
    /** ... and is at most this wide for its height (a monospaced one fills its cell). */
    private static final double SLASH_ASPECT = 0.75;

    private final GlyphClassifier classifier;

    public TouchingDigitSplitter(GlyphClassifier classifier) {
        this.classifier = classifier;
    }

    /** A glyph replaced by its parts, with their classifications. */
    public record Split(List<Glyph> parts, List<Classification> classes) {
    }

    /** Wide enough that even a glyph the classifier calls a symbol may be a digit touching one. */
    public static boolean surelySeveralGlyphs(Box box) {
        return (double) box.width() / box.height() >= SURELY_SEVERAL_ASPECT;
    }

    public static boolean mayHoldSeveralDigits(Box box, double lineHeight) {
        return box.width() >= MIN_ASPECT * box.height() && box.height() >= 0.5 * lineHeight && box.width() >= 8;
    }

    /**
     * Whether a glyph in a form field is worth trying as several touching digits. A comb holds
     * one character in each cell, so only one too wide for any character and not read as a digit
     * is. Elsewhere in a field a glyph read as a fair digit must also be wide for the token: a
     * handwritten 4, 0 or 8 is often as wide as tall, and cut in two it reads as a sure 5 and 1
     * or 6 and 3; two touching digits are about twice as wide as the token's other characters.
     *
     * @param others the other glyphs of the token
     */
    public static boolean worthTryingInField(Box box, Classification whole, List<Box> others, double lineHeight,
            boolean comb) {
        if (comb) {
            return isSurelySeveral(box, whole);
        }
        if (!whole.isDigit() || whole.probability() < FAIR_WHOLE_DIGIT || surelySeveralGlyphs(box)) {
            return true;
        }
        int[] widths = others.stream().filter(o -> o.height() >= 0.6 * lineHeight).mapToInt(Box::width).sorted().toArray();
        return widths.length == 0 || box.width() >= SEVERAL_WIDTHS * widths[widths.length / 2];
    }

    /**
     * @return the best split, or {@code null} when the glyph is best left whole
     */
    public Split trySplit(LabelImage labels, Glyph glyph, Classification whole, int depth) {
        Box b = glyph.box();
        List<Glyph> pieces = cutInTwo(labels, glyph);
        if (pieces.isEmpty()) {
            return null;
        }
        List<Classification> classes = classifier.classify(labels, pieces);
        double wholeScore = whole.isDigit() ? whole.probability() : 0;
        Split best = null;
        // No single digit is this wide, so a cut into two fair digits beats a whole that is none.
        double needed = isSurelySeveral(b, whole) ? MIN_WIDE_PART_PROBABILITY : MIN_PART_PROBABILITY;
        double bestScore = Math.max(needed, wholeScore);
        for (int i = 0; i < pieces.size() / 2; i++) {
            Classification left = classes.get(2 * i);
            Classification right = classes.get(2 * i + 1);
            // A cut whose side that cannot be split again already scores no better than the best
            // is out, and its other side need not be tried as touching digits: most cuts away from
            // the joint leave such a sliver, and trying the rest would classify a score more crops.
            if (Math.min(bestPossible(pieces.get(2 * i), left, depth), bestPossible(pieces.get(2 * i + 1), right, depth)) <= bestScore) {
                continue;
            }
            List<Glyph> parts = new ArrayList<>();
            List<Classification> partClasses = new ArrayList<>();
            double leftScore = side(labels, pieces.get(2 * i), left, parts, partClasses, depth);
            if (leftScore <= bestScore) {
                continue;
            }
            double score = Math.min(leftScore, side(labels, pieces.get(2 * i + 1), right, parts, partClasses, depth));
            if (score > bestScore && evenDigitWidths(parts, partClasses)) {
                bestScore = score;
                best = new Split(parts, partClasses);
            }
        }
        if (!isSurelySeveral(b, whole)) {
            return best;
        }
        // Two fair digits, or a sure digit and a sure symbol: whichever the classifier is surer of.
        Split mixed = digitBesideSymbol(pieces, classes, best == null ? 0 : bestScore + MIXED_MARGIN);
        if (mixed == null && best == null && depth > 0) {
            mixed = symbolBeforeDigits(labels, pieces, classes, depth);
        }
        return mixed != null ? mixed : best;
    }

    /**
     * A currency sign touching two or more digits after it (the $ of $409,598.97 run into its 4
     * and 0): the cut whose left side is most surely a symbol, when its right side cuts into sure
     * digits; or {@code null}. Only that one cut is tried again: most glyphs that come here are
     * letters run together, and each try classifies a score of crops.
     */
    private Split symbolBeforeDigits(LabelImage labels, List<Glyph> pieces, List<Classification> classes, int depth) {
        int best = -1;
        for (int i = 0; i < pieces.size() / 2; i++) {
            Classification symbol = classes.get(2 * i);
            Box rest = pieces.get(2 * i + 1).box();
            if (!symbol.isDigit() && symbol.probability() >= MIN_WIDE_PART_PROBABILITY && mayHoldSeveralDigits(rest, rest.height())
                    && (best < 0 || symbol.probability() > classes.get(2 * best).probability())) {
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        Split digits = trySplit(labels, pieces.get(2 * best + 1), classes.get(2 * best + 1), depth - 1);
        if (digits == null || !digits.classes().stream().allMatch(c -> c.isDigit() && c.probability() >= MIN_PART_PROBABILITY)) {
            return null;
        }
        List<Glyph> parts = new ArrayList<>();
        List<Classification> partClasses = new ArrayList<>();
        parts.add(pieces.get(2 * best));
        partClasses.add(classes.get(2 * best));
        parts.addAll(digits.parts());
        partClasses.addAll(digits.classes());
        return new Split(parts, partClasses);
    }

    /** Whether the parts read as digits other than 1 are about equally wide (see {@link #MAX_DIGIT_WIDTH_RATIO}). */
    static boolean evenDigitWidths(List<Glyph> parts, List<Classification> classes) {
        int narrowest = Integer.MAX_VALUE;
        int widest = 0;
        for (int i = 0; i < parts.size(); i++) {
            Classification c = classes.get(i);
            if (c.isDigit() && c.label() != 1) {
                int w = parts.get(i).box().width();
                narrowest = Math.min(narrowest, w);
                widest = Math.max(widest, w);
            }
        }
        return widest <= MAX_DIGIT_WIDTH_RATIO * narrowest;
    }

    /**
     * No single digit is this wide, and the classifier does not call it one, or only at a coin
     * toss: a fax's $ run into the 4 after it read as a 4 at 0.44.
     */
    private static boolean isSurelySeveral(Box b, Classification whole) {
        return surelySeveralGlyphs(b) && (!whole.isDigit() || whole.probability() < DOUBTFUL_WHOLE_DIGIT);
    }

    /**
     * A digit touching a symbol (the 9 of 19%, a 2 against a letter): the cut whose one side is
     * surely a digit and the other surely not one, or {@code null}.
     */
    private static Split digitBesideSymbol(List<Glyph> pieces, List<Classification> classes, double toBeat) {
        Split best = null;
        double bestScore = Math.max(MIN_PART_PROBABILITY, toBeat);
        for (int i = 0; i < pieces.size() / 2; i++) {
            Classification left = classes.get(2 * i);
            Classification right = classes.get(2 * i + 1);
            if (left.isDigit() == right.isDigit()) {
                continue;
            }
            // A sliver cut off the edge reads as a 1 beside anything; the digit must be a real one.
            Box digit = (left.isDigit() ? pieces.get(2 * i) : pieces.get(2 * i + 1)).box();
            if (digit.width() < MIN_DIGIT_WIDTH * digit.height()) {
                continue;
            }
            double score = Math.min(left.probability(), right.probability());
            if (score > bestScore) {
                bestScore = score;
                best = new Split(List.of(pieces.get(2 * i), pieces.get(2 * i + 1)), List.of(left, right));
            }
        }
        return best;
    }

    /**
     * A digit and a slash run together (the 3 and / of a blurred "03/2021"): the cut whose one
     * side is a sure digit of a digit's width and whose other is a bar of the line's height, no
     * wider than a slash, that {@code leansLikeASlash} accepts; or {@code null}. Such a glyph is
     * narrower than it is tall, so {@link #trySplit} never sees it.
     */
    public Split digitBesideSlash(LabelImage labels, Glyph glyph, double lineHeight, Predicate<Glyph> leansLikeASlash) {
        List<Glyph> pieces = cutInTwo(labels, glyph);
        if (pieces.isEmpty()) {
            return null;
        }
        List<Classification> classes = classifier.classify(labels, pieces);
        Split best = null;
        double bestScore = SURE_SYMBOL;
        for (int i = 0; i < pieces.size(); i++) {
            Glyph digit = pieces.get(i);
            Glyph slash = pieces.get(i ^ 1);
            Classification d = classes.get(i);
            Classification s = classes.get(i ^ 1);
            Box db = digit.box();
            Box sb = slash.box();
            if (d.isDigit() && d.label() != 1 && d.probability() > bestScore && db.width() >= MIN_DIGIT_WIDTH * db.height()
                    && (!s.isDigit() || s.label() == 1) && sb.height() >= SLASH_HEIGHT * lineHeight
                    && sb.width() <= SLASH_ASPECT * sb.height() && leansLikeASlash.test(slash)) {
                bestScore = d.probability();
                best = (i & 1) == 0 ? new Split(List.of(digit, slash), List.of(d, s)) : new Split(List.of(slash, digit), List.of(s, d));
            }
        }
        return best;
    }

    /** The most {@link #side} can score for this part: 1 when it would be split again, else its own score. */
    private static double bestPossible(Glyph part, Classification c, int depth) {
        return splitAgain(part, c, depth) ? 1 : c.isDigit() ? c.probability() : 0;
    }

    private static boolean splitAgain(Glyph part, Classification c, int depth) {
        double score = c.isDigit() ? c.probability() : 0;
        // A part the classifier is sure is a symbol (the % of 19%) is not cut into digits.
        boolean sureSymbol = !c.isDigit() && c.probability() >= SURE_SYMBOL;
        return depth > 0 && score < MIN_PART_PROBABILITY && !sureSymbol && mayHoldSeveralDigits(part.box(), part.box().height());
    }

    /** Scores one side of a cut, splitting it once more if it is itself wide and unsure. */
    private double side(LabelImage labels, Glyph part, Classification c, List<Glyph> parts, List<Classification> classes,
            int depth) {
        double score = c.isDigit() ? c.probability() : 0;
        if (splitAgain(part, c, depth)) {
            Split inner = trySplit(labels, part, c, depth - 1);
            if (inner != null) {
                parts.addAll(inner.parts());
                classes.addAll(inner.classes());
                return inner.classes().stream().mapToDouble(Classification::probability).min().orElse(0);
            }
        }
        parts.add(part);
        classes.add(c);
        return score;
    }

    /** The two sides of each {@link #candidateCuts candidate cut}, left then right; none when there is no cut. */
    private static List<Glyph> cutInTwo(LabelImage labels, Glyph glyph) {
        int[] columnInk = columnInk(labels, glyph);
        List<Glyph> pieces = new ArrayList<>();
        for (int cut : candidateCuts(columnInk)) {
            pieces.add(piece(glyph, columnInk, 0, cut));
            pieces.add(piece(glyph, columnInk, cut, glyph.box().width()));
        }
        return pieces;
    }

    /** The glyph's own ink in each of its columns. */
    private static int[] columnInk(LabelImage labels, Glyph glyph) {
        Box b = glyph.box();
        int[] columnInk = new int[b.width()];
        for (int y = b.y(); y < b.bottom(); y++) {
            for (int x = b.x(); x < b.right(); x++) {
                int l = labels.get(x, y);
                if (l != 0 && glyph.owns(l)) {
                    columnInk[x - b.x()]++;
                }
            }
        }
        return columnInk;
    }

    private static Glyph piece(Glyph glyph, int[] columnInk, int from, int to) {
        int ink = 0;
        for (int i = from; i < to; i++) {
            ink += columnInk[i];
        }
        return glyph.cropColumns(glyph.box().x() + from, glyph.box().x() + to, ink);
    }

    /**
     * Cuts across the middle half: the thinnest columns (where touching print usually joins)
     * plus evenly spaced ones (two round digits touch along a thick stretch). The classifier
     * judges them all, so a few extra cuts cost a few extra crops, on rare glyphs.
     */
    static List<Integer> candidateCuts(int[] columnInk) {
        int w = columnInk.length;
        int from = Math.max(2, w / 4);
        int to = Math.min(w - 2, (3 * w) / 4);
        List<Integer> cuts = new ArrayList<>();
        int step = Math.max(1, (to - from) / EVEN_CUTS);
        for (int x = from; x < to; x += step) {
            cuts.add(x);
        }
        List<Integer> byInk = new ArrayList<>();
        for (int x = from; x < to; x++) {
            byInk.add(x);
        }
        byInk.sort((a, c) -> Integer.compare(columnInk[a], columnInk[c]));
        int added = 0;
        for (int x : byInk) {
            if (added == THIN_CUTS) {
                break;
            }
            if (!cuts.contains(x)) {
                cuts.add(x);
                added++;
            }
        }
        return cuts;
    }
}
