package io.numscan.assemble;

import io.numscan.classify.Classification;
import io.numscan.geom.Box;
import io.numscan.layout.Token;
import io.numscan.segment.Glyph;
import io.numscan.segment.LabelImage;
import io.numscan.segment.PercentShape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns a token's classified glyphs into the numbers it holds. Digits come from the classifier;
 * separators from geometry (a period sits on the baseline, a comma hangs below it, a minus floats
 * at mid-height, a slash leans), because at normalized size a dot and a blob look alike.
 */
public final class NumberAssembler {
    private static final char OTHER = '?';
    /**
     * A speck of noise is at most this share of the line height across. The periods of the
     * thinnest faces (Roboto Thin, DejaVu Sans ExtraLight) are that small too, but sit on the baseline.
     */
    private static final double SPECK_SIZE = 0.08;
    private static final double FIRM_NON_DIGIT = 0.99;
    private static final double NO_DOUBT = 0.99;
    private static final double SURE_NEIGHBOUR = 0.9;
    private static final double MIN_DIGIT_BETWEEN_DIGITS = 0.3;
    /** A 1 leaning at least this share of a slash in its token, and more than its digits, is a slash too. */
    private static final double SAME_SLASH = 0.6;
    /** Below this a digit or two touching letters is part of the word (an O read as a 0). */
    private static final double UNSURE_BESIDE_LETTERS = 0.9;
    /** Below this a digit or two touching three or more other characters is part of the word. */
    private static final double UNSURE_IN_WORD = 0.97;
    /** A letter this tall for the digits beside it reaches the capitals' height ({@link #standsLikeADigit}). */
    private static final double TALL_LETTER = 0.8;
    /** A letter this tall for the digits beside it stands on the baseline, or hangs below it. */
    private static final double LETTER_ON_BASELINE = 0.5;
    /** Digits whose tops are this far down from the capitals, for their reach from there, are x-height letters. */
    private static final double SUNK_BELOW_CAPITALS = 0.15;
    /** Digits whose feet are this far below the word's baseline, for their height, are descending letters. */
    private static final double HANGING_BELOW_BASELINE = 0.15;
    /** The widest a single digit outside a form field is, for its height. */
    private static final double MAX_DIGIT_ASPECT = 1.0;
    private static final double LONE_SLASH_SLANT = -0.3;
    /** A slash between digits leans right at least this much ({@link #slant}). */
    private static final double SLASH_LEAN = -0.2;
    /** A digit torn from its foot ({@link #tornFromItsFoot}) keeps at least this share of the line's height. */
    private static final double TORN_DIGIT_HEIGHT = 0.72;
    /** A hyphen worn to a dot ({@link #markFadedHyphens}) is at most this tall and this wide, in line heights... */
    private static final double FADED_HYPHEN_HEIGHT = 0.25;
    private static final double FADED_HYPHEN_WIDTH = 0.3;
    /** ...its centre at least this far under the line's top and over its baseline... */
    private static final double MID_BAND = 0.3;
    /** ...and the digits either side at least this far apart. */
    private static final double HYPHEN_ROOM = 0.35;
    /** Tops within this share of the line's height are level. */
    private static final double LEVEL_TOPS = 0.1;
    /** A printed 1 has its flag or serifs; a lone upright bar narrower than this, over its height, has neither. */
    private static final double BARE_BAR_WIDTH = 0.25;
    /** A bare bar read as a 1 with less than this is a leftover of a ruled line or a band's edge, or an l. */
    private static final double SURE_BARE_ONE = 0.95;
    /**
     * In a column of numbers a bar (no wider than this over its height), alone or the one glyph
     * among sure digits, that the classifier calls no digit is a 1 where the 1 scores at least
     * {@link #MIN_ONE_IN_COLUMN}: a light serif 1 that lost its serifs is an l to the classifier,
     * but a table's quantities hold no letters.
     */
    private static final double ONE_IN_COLUMN_WIDTH = 0.45;
    private static final double MIN_ONE_IN_COLUMN = 0.2;
    private static final int MIN_STEPS_FOR_SPACES = 3;
    private static final double SPACE_STEP = 1.35;
    private static final double NARROW_SPACE_STEP = 1.2;
    private static final double SPACE_GAPS = 3;
    /** Even in a digit field, a glyph whose likeliest digit scores this little is something else (the Q of Qty). */
    private static final double MIN_FIELD_DIGIT_PROBABILITY = 0.05;
    private static final double COMMA_STUB_ASPECT = 1.35;
    /** A solid mark this many times taller than wide, reaching under the baseline, is a comma. */
    private static final double COMMA_BAR_ASPECT = 2;
    /** The tallest a period is, for the line's height: a 200-DPI scan's blur makes a dot about a third. */
    private static final double PERIOD_HEIGHT = 0.35;
    private static final double SOLID_BLOCK_FILL = 0.9;
    private static final double FRAGMENT_OVERLAP = 0.25;
    private static final double HYPHEN_FRAGMENT_OVERLAP = 0.5;
    private static final double LOST_MARK_STEP = 1.3;
    private static final double LOST_MARK_GAP = 0.3;
    /** A bracket is at least this much taller than a digit beside it... */
    private static final double BRACKET_HEIGHT = 1.08;
    /** ...and reaches at least this fraction of the line height lower. */
    private static final double BRACKET_DROP = 0.08;

    private final AssembleOptions options;

    public NumberAssembler(AssembleOptions options) {
        this.options = options;
    }

    public List<RecognizedNumber> assemble(Token token, List<Classification> classes, LabelImage labels) {
        return assemble(token, classes, labels, false);
    }

    /**
     * @param besideDigitGroup whether another group of digits stands a word space or so from the
     *     token on its line (+49 66 3119304, an IBAN's 0532 0130 00): digits written in groups,
     *     where a wide step before the last two digits is a space, not a wiped-out decimal mark
     */
    public List<RecognizedNumber> assemble(Token token, List<Classification> classes, LabelImage labels, boolean besideDigitGroup) {
        return assemble(token, classes, labels, besideDigitGroup, false);
    }

    /**
     * @param inNumberColumn whether the token stands in a column of numbers (a table's quantities):
     *     there a bar the classifier doubts between an l and a 1, alone or among sure digits, is the 1
     */
    public List<RecognizedNumber> assemble(Token token, List<Classification> classes, LabelImage labels, boolean besideDigitGroup,
            boolean inNumberColumn) {
        List<Glyph> glyphs = token.glyphs();
        if (glyphs.size() != classes.size()) {
            throw new IllegalArgumentException("one classification per glyph expected");
        }
        double lineHeight = token.lineHeight();
        double baseline = localBaseline(glyphs, lineHeight, token.baseline());
        if (hasSpecks(glyphs, lineHeight, baseline)) {
            List<Glyph> kept = new ArrayList<>(glyphs.size());
            List<Classification> keptClasses = new ArrayList<>(glyphs.size());
            for (int i = 0; i < glyphs.size(); i++) {
                if (!isSpeck(glyphs.get(i).box(), lineHeight, baseline)) {
                    kept.add(glyphs.get(i));
                    keptClasses.add(classes.get(i));
                }
            }
            glyphs = kept;
            classes = keptClasses;
        }
        int n = glyphs.size();
        char[] symbols = new char[n];
        double[] probabilities = new double[n];
        // A form field holding mostly digits is there to hold digits; a table cell of words is not.
        boolean inField = token.field() >= 0 && mostlyDigits(glyphs, classes, lineHeight);
        boolean oneDoubtedInColumn = !inField && inNumberColumn && doubtedCharacters(glyphs, classes, lineHeight) == 1;
        double digitHeight = (inField ? options.minFieldDigitHeight() : options.minDigitHeight()) * lineHeight;
        double tornDigitHeight = TORN_DIGIT_HEIGHT * lineHeight;
        for (int i = 0; i < n; i++) {
            Glyph g = glyphs.get(i);
            Classification c = classes.get(i);
            Box b = g.box();
            double minHeight = !inField && tornFromItsFoot(glyphs, i, lineHeight, options.minDigitHeight())
                    ? tornDigitHeight : digitHeight;
            probabilities[i] = 1.0;
            // A bold or blurred comma can reach half the line's height; its top, in the lower half
            // of the line, still tells it from a digit.
            if (b.height() < 0.5 * lineHeight || (b.height() < 0.7 * lineHeight && b.y() >= baseline - 0.5 * lineHeight)
                    || b.height() < options.minDigitPixels()) {
                symbols[i] = smallSeparator(b, fill(g), lineHeight, baseline);
            } else if (!inField && mayBeAPercentSign(c) && labels != null && PercentShape.hasDiagonalRings(labels, g)) {
                // Not in a form field: a handwritten 8 that leans back has the same two holes.
                symbols[i] = OTHER;
            } else if (inField && b.height() >= minHeight && !firmlyNotADigit(c)
                    && c.bestDigitProbability() >= MIN_FIELD_DIGIT_PROBABILITY) {
                // A form field is there to hold digits: take the likeliest digit even where
                // "not a digit" scores higher (an odd stroke in handwriting).
                symbols[i] = (char) ('0' + c.bestDigit());
                probabilities[i] = c.bestDigitProbability();
            } else if (!inField && !c.isDigit() && !firmlyNotADigit(c) && c.bestDigitProbability() >= MIN_DIGIT_BETWEEN_DIGITS
                    && b.height() >= minHeight && b.width() <= MAX_DIGIT_ASPECT * b.height()
                    && sureDigitAt(glyphs, classes, i - 1, lineHeight) && sureDigitAt(glyphs, classes, i + 1, lineHeight)) {
                // Between two sure digits of the same number a character of a digit's size is one,
                // though it broke (a 0 in two halves, the 0 of 109.90, reads as no digit at 0.59).
                symbols[i] = (char) ('0' + c.bestDigit());
                probabilities[i] = c.bestDigitProbability();
            } else if (oneDoubtedInColumn && !firmlyNotADigit(c) && c.bestDigit() == 1
                    && c.bestDigitProbability() >= MIN_ONE_IN_COLUMN && !(c.isDigit() && c.probability() >= options.minDigitProbability())
                    && b.height() >= minHeight && b.width() <= ONE_IN_COLUMN_WIDTH * b.height()) {
                symbols[i] = '1';
                probabilities[i] = c.bestDigitProbability();
            } else if (c.isDigit() && c.probability() >= options.minDigitProbability() && b.height() >= minHeight
                    && b.width() <= MAX_DIGIT_ASPECT * b.height()) {
                // Wider than tall is no single printed digit: it is letters run together (a bold
                // "bo" reads as a sure 6) or touching digits the splitter could not take apart,
                // and one digit in their place would be wrong either way.
                symbols[i] = (char) ('0' + c.label());
                probabilities[i] = c.probability();
            } else {
                symbols[i] = OTHER;
            }
        }
        if (!inField) {
            markFadedHyphens(glyphs, symbols, lineHeight, baseline);
        }
        markPercentSigns(glyphs, symbols, lineHeight);
        // Both left out in fields: handwritten 1s often stand taller, lower and slanted.
        if (!inField) {
            markBrackets(glyphs, symbols, lineHeight);
            markSlashes(glyphs, symbols, probabilities, labels, lineHeight);
        }
        int others = 0;
        for (char s : symbols) {
            if (s == OTHER) {
                others++;
            }
        }
        if (!inField && others >= 2) {
            others += markDescenders(glyphs, symbols, lineHeight, baseline);
        }
        if (!inField && n == 1 && symbols[0] == '1' && slant(glyphs.get(0), labels) <= LONE_SLASH_SLANT) {
            // A slash standing alone (INVOICE / RECHNUNG) is no 1, however thin.
            symbols[0] = OTHER;
        }
        int lost = token.comb() || besideDigitGroup ? -1 : lostDecimalMark(glyphs, symbols, lineHeight);
        if (lost > 0 && !inField && spaceElsewhere(digitGroupSpaces(glyphs, symbols, lineHeight), lost)) {
            // A token written in digit groups (an IBAN's 0353 9674 63) has spaces where an amount
            // would have lost its mark: the step before its last two digits is one more of them.
            lost = -1;
        }
        if (lost > 0) {
            Box left = glyphs.get(lost - 1).box();
            int gap = glyphs.get(lost).box().x() - left.right();
            int size = Math.max(1, gap / 3);
            List<Glyph> withMark = new ArrayList<>(glyphs);
            withMark.add(lost, new Glyph(new Box(left.right() + size, (int) Math.round(baseline) - size, size, size),
                    new int[0], 0));
            glyphs = withMark;
            symbols = insert(symbols, lost, '.');
            double[] p = new double[n + 1];
            System.arraycopy(probabilities, 0, p, 0, lost);
            p[lost] = 1.0;
            System.arraycopy(probabilities, lost, p, lost + 1, n - lost);
            probabilities = p;
            n++;
        }
        boolean[] spaceBefore = inField ? new boolean[n] : digitGroupSpaces(glyphs, symbols, lineHeight);
        List<RecognizedNumber> numbers = new ArrayList<>();
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n && symbols[end] != OTHER && !(end > start && spaceBefore[end])) {
                end++;
            }
            if (end > start) {
                RecognizedNumber number = numberIn(glyphs, symbols, probabilities, start, end, others, inField, inNumberColumn);
                if (number != null) {
                    numbers.add(number);
                }
            }
            start = end < n && symbols[end] == OTHER ? end + 1 : end;
        }
        return numbers;
    }

    private RecognizedNumber numberIn(List<Glyph> glyphs, char[] symbols, double[] probabilities, int from, int to,
            int othersInToken, boolean inField, boolean inNumberColumn) {
        int first = -1;
        int last = -1;
        int digits = 0;
        boolean onlyZeroOrOne = true;
        boolean bareUnsureOne = false;
        double lowest = 1.0;
        for (int i = from; i < to; i++) {
            if (Character.isDigit(symbols[i])) {
                Box b = glyphs.get(i).box();
                bareUnsureOne |= symbols[i] == '1' && probabilities[i] < SURE_BARE_ONE
                        && b.width() < BARE_BAR_WIDTH * b.height();
                if (first < 0) {
                    first = i;
                }
                last = i;
                digits++;
                onlyZeroOrOne &= symbols[i] == '0' || symbols[i] == '1';
                lowest = Math.min(lowest, probabilities[i]);
            }
        }
        if (first < 0) {
            return null;
        }
        if (first > from && symbols[first - 1] == '-') {
            first--;
        }
        boolean touchesLetters = (from > 0 && first == from && symbols[from - 1] == OTHER)
                || (to < symbols.length && last == to - 1 && symbols[to] == OTHER);
        // I, l and O inside words look like 1 and 0 (and "ill" like 111 in monospaced print); a
        // run of only those, or a short unsure run, touching letters is part of a word. Within a
        // longer word only a near-certain digit stands: a G or a bold "bo" reads as a 6 at 0.9 and
        // more, while the % after 19 is only two characters. Outside fields one unsure digit beside
        // a single letter is that word's other letter (the g of "kg" reads as an 8 at 0.77).
        if (touchesLetters && (onlyZeroOrOne || (digits <= 2 && othersInToken >= 2 && lowest < UNSURE_BESIDE_LETTERS)
                || (!inField && digits == 1 && lowest < UNSURE_BESIDE_LETTERS)
                || (digits <= 2 && othersInToken >= 3 && lowest < UNSURE_IN_WORD))) {
            return null;
        }
        // A sure digit inside a longer word is still a letter when it does not stand as digits
        // do: lining digits reach from the baseline to the capitals' height.
        if (touchesLetters && digits <= 2 && othersInToken >= 3 && !standsLikeADigit(glyphs, symbols, first, last)) {
            return null;
        }
        // A printed 1 has a flag or serifs. A bare bar the classifier doubts, alone or beside a 0,
        // is a letter (the I of "ID", read as 10) or what is left of a ruled line or a band's edge;
        // not in a column of numbers, where a light 1 at 200 DPI is often no more than a bar.
        if (!inField && !inNumberColumn && bareUnsureOne && onlyZeroOrOne && digits <= 2) {
            return null;
        }
        makeSeparatorsConsistent(symbols, first, last);
        StringBuilder text = new StringBuilder();
        List<RecognizedDigit> characters = new ArrayList<>();
        List<Box> boxes = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            text.append(symbols[i]);
            Box b = glyphs.get(i).box();
            characters.add(new RecognizedDigit(symbols[i], b, probabilities[i]));
            boxes.add(b);
        }
        return new RecognizedNumber(text.toString(), Box.enclosing(boxes), lowest, characters);
    }

    /**
     * Whether the digits from {@code first} to {@code last} stand in their word as printed
     * digits do: their tops at the height of its capitals and ascenders, their feet on its
     * baseline. An x-height letter read as a digit (the r of "Customer" as a 7) starts about a
     * quarter of the way down from the capitals; a g read as an 8 hangs a quarter of its height
     * below the baseline. On the corpora's digits in words (part numbers, "+49", a stray fused
     * label) neither went past 0.08.
     */
    static boolean standsLikeADigit(List<Glyph> glyphs, char[] symbols, int first, int last) {
        int top = Integer.MAX_VALUE;
        int bottom = Integer.MIN_VALUE;
        int height = 0;
        for (int i = first; i <= last; i++) {
            if (Character.isDigit(symbols[i])) {
                Box b = glyphs.get(i).box();
                top = Math.min(top, b.y());
                bottom = Math.max(bottom, b.bottom());
                height = Math.max(height, b.height());
            }
        }
        int capitals = Integer.MAX_VALUE;
        List<Integer> feet = new ArrayList<>();
        for (int i = 0; i < glyphs.size(); i++) {
            Box b = glyphs.get(i).box();
            if (symbols[i] != OTHER) {
                continue;
            }
            if (b.height() >= TALL_LETTER * height) {
                capitals = Math.min(capitals, b.y());
            }
            if (b.height() >= LETTER_ON_BASELINE * height) {
                feet.add(b.bottom());
            }
        }
        if (capitals < top && (double) (top - capitals) / (bottom - capitals) >= SUNK_BELOW_CAPITALS) {
            return false;
        }
        if (feet.isEmpty()) {
            return true;
        }
        Collections.sort(feet);
        int baseline = feet.get(feet.size() / 2);
        return (double) (bottom - baseline) / height < HANGING_BELOW_BASELINE;
    }

    private static boolean sureDigitAt(List<Glyph> glyphs, List<Classification> classes, int i, double lineHeight) {
        if (i < 0 || i >= glyphs.size()) {
            return false;
        }
        Classification c = classes.get(i);
        return c.isDigit() && c.probability() >= SURE_NEIGHBOUR && glyphs.get(i).box().height() >= 0.5 * lineHeight;
    }

    /**
     * Read as a digit, but not beyond doubt, so worth the look at its holes ({@link PercentShape}).
     * Outside fields, where the look is taken, a glyph read as no digit is no digit anyway.
     */
    private static boolean mayBeAPercentSign(Classification c) {
        return c.isDigit() && c.probability() < NO_DOUBT;
    }

    /**
     * A %, a letter or a symbol the classifier is certain of. Even in a digit field it stays what
     * it is (a table cell of "19%" is a field too); handwriting's odd strokes score lower.
     */
    public static boolean firmlyNotADigit(Classification c) {
        return !c.isDigit() && c.probability() >= FIRM_NON_DIGIT;
    }

    /**
     * Which of {@code glyphs} (one line's, in reading order) are parts of a % sign drawn in
     * pieces (see {@link #markPercentSigns}): a bar that kept one ring is no pair of touching
     * digits to split, though its ring and bar read like a 9 and a 1.
     */
    public static boolean[] percentSignParts(List<Glyph> glyphs, double lineHeight) {
        char[] symbols = new char[glyphs.size()];
        markPercentSigns(glyphs, symbols, lineHeight);
        boolean[] parts = new boolean[symbols.length];
        for (int i = 0; i < symbols.length; i++) {
            parts[i] = symbols[i] == OTHER;
        }
        return parts;
    }

    /**
     * A glyph of two pieces that make a % (bar with one ring, and the other ring) between them,
     * merged because one stands over the other: ring and bar would read as two digits.
     */
    public static boolean isPercentSign(LabelImage labels, Glyph glyph, double lineHeight) {
        int[] components = glyph.components();
        if (components.length != 2) {
            return false;
        }
        Box b = glyph.box();
        int[][] extent = new int[2][];
        for (int k = 0; k < 2; k++) {
            extent[k] = new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        }
        for (int y = b.y(); y < b.bottom(); y++) {
            for (int x = b.x(); x < b.right(); x++) {
                int label = labels.get(x, y);
                int k = label == components[0] ? 0 : label == components[1] ? 1 : -1;
                if (k >= 0) {
                    extent[k][0] = Math.min(extent[k][0], x);
                    extent[k][1] = Math.min(extent[k][1], y);
                    extent[k][2] = Math.max(extent[k][2], x);
                    extent[k][3] = Math.max(extent[k][3], y);
                }
            }
        }
        List<Glyph> pieces = new ArrayList<>(2);
        for (int k = 0; k < 2; k++) {
            int[] e = extent[k];
            if (e[0] > e[2]) {
                return false;
            }
            pieces.add(new Glyph(new Box(e[0], e[1], e[2] - e[0] + 1, e[3] - e[1] + 1), new int[] {components[k]}, 0));
        }
        pieces.sort(java.util.Comparator.comparingInt(p -> p.box().x()));
        boolean[] parts = percentSignParts(pieces, lineHeight);
        return parts[0] && parts[1];
    }

    /**
     * A % whose rings are apart from its bar: a tall stroke with one small mark overlapping it in
     * the upper half and another in the lower half. None of the three is a digit, though a ring
     * alone looks like a small 0 and the bar like a 1.
     */
    static void markPercentSigns(List<Glyph> glyphs, char[] symbols, double lineHeight) {
        for (int i = 0; i < glyphs.size(); i++) {
            Box bar = glyphs.get(i).box();
            if (bar.height() < 0.6 * lineHeight) {
                continue;
            }
            int upper = -1;
            int lower = -1;
            for (int j = Math.max(0, i - 2); j <= Math.min(glyphs.size() - 1, i + 2); j++) {
                Box ring = glyphs.get(j).box();
                if (j == i || ring.height() > 0.65 * bar.height() || ring.width() > bar.height()
                        || bar.horizontalOverlap(ring) <= 0) {
                    continue;
                }
                if (ring.bottom() <= bar.centerY() + 0.15 * bar.height() && ring.y() <= bar.y() + 0.2 * bar.height()) {
                    upper = j;
                } else if (ring.y() >= bar.centerY() - 0.15 * bar.height() && ring.bottom() >= bar.bottom() - 0.2 * bar.height()) {
                    lower = j;
                }
            }
            if (upper >= 0 && lower >= 0) {
                symbols[i] = OTHER;
                symbols[upper] = OTHER;
                symbols[lower] = OTHER;
            } else if (lower >= 0 && isDetachedRing(bar, glyphs.get(lower).box(), false)) {
                symbols[i] = OTHER;
                symbols[lower] = OTHER;
            } else if (upper >= 0 && isDetachedRing(bar, glyphs.get(upper).box(), true)) {
                symbols[i] = OTHER;
                symbols[upper] = OTHER;
            }
        }
    }

    /**
     * Where a decimal mark a fax or a coarse threshold wiped out stood: before the last two
     * digits of an amount, set apart from the digits before them by a step clearly longer than
     * the token's usual one (digits have one advance width; the mark's own advance is what is
     * left of it) though too short for layout to make it a word space.
     *
     * @return the index of the first of those two digits, or -1
     */
    static int lostDecimalMark(List<Glyph> glyphs, char[] symbols, double lineHeight) {
        int n = glyphs.size();
        int end = n;
        while (end > 0 && symbols[end - 1] == OTHER) {
            end--;
        }
        int tail = end - 2;
        if (tail < 2) {
            return -1;
        }
        // Every character from the amount's start up to the tail is a tall digit; no mark already.
        List<Double> steps = new ArrayList<>();
        int start = tail;
        while (start > 0 && isTallDigit(glyphs, symbols, start - 1, lineHeight)) {
            start--;
        }
        if (!isTallDigit(glyphs, symbols, tail, lineHeight) || !isTallDigit(glyphs, symbols, tail + 1, lineHeight)
                || start > tail - 2 || start > 0 && symbols[start - 1] != OTHER && symbols[start - 1] != ',' && symbols[start - 1] != '.') {
            return -1;
        }
        for (int i = start + 1; i <= tail + 1; i++) {
            if (i != tail) {
                steps.add(glyphs.get(i).box().centerX() - glyphs.get(i - 1).box().centerX());
            }
        }
        double[] sorted = steps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double usual = sorted[sorted.length / 2];
        Box left = glyphs.get(tail - 1).box();
        Box right = glyphs.get(tail).box();
        boolean wide = right.centerX() - left.centerX() >= LOST_MARK_STEP * usual
                && right.x() - left.right() >= LOST_MARK_GAP * lineHeight;
        return wide ? tail : -1;
    }

    private static char[] insert(char[] symbols, int at, char c) {
        char[] result = new char[symbols.length + 1];
        System.arraycopy(symbols, 0, result, 0, at);
        result[at] = c;
        System.arraycopy(symbols, at, result, at + 1, symbols.length - at);
        return result;
    }

    /**
     * A bracket at one end of a run of digits, read as a 1 (the ( of a phone number's area code,
     * coarsely scanned): brackets reach below the baseline, and are taller than the digits they
     * hold, while a 1 stands on the baseline and is no taller than its neighbours. A 1 inside a
     * number (before a separator too: 471,54) may have a comma fused to its foot, or stand beside
     * digits the scan made short, so only one at the run's end is judged.
     */
    static void markBrackets(List<Glyph> glyphs, char[] symbols, double lineHeight) {
        for (int i = 0; i < glyphs.size(); i++) {
            if (symbols[i] != '1') {
                continue;
            }
            Box bar = glyphs.get(i).box();
            if (numberGoesOn(symbols, i, -1) == numberGoesOn(symbols, i, 1)) {
                continue;
            }
            boolean besideADigit = false;
            for (int j : new int[] {i - 1, i + 1}) {
                besideADigit |= j >= 0 && j < glyphs.size() && Character.isDigit(symbols[j]) && symbols[j] != '1';
            }
            if (!besideADigit) {
                continue;
            }
            // Measured against the token's digits, not the one beside: a blurred 4 (its foot
            // faded) stands shorter and higher than the 1 before it and the 5 and 2 after.
            int[] heights = digitsOtherThanOnes(glyphs, symbols, Box::height);
            int[] bottoms = digitsOtherThanOnes(glyphs, symbols, Box::bottom);
            if (bar.height() >= BRACKET_HEIGHT * median(heights) && bar.bottom() >= median(bottoms) + BRACKET_DROP * lineHeight) {
                symbols[i] = OTHER;
            }
        }
    }

    private static int[] digitsOtherThanOnes(List<Glyph> glyphs, char[] symbols, java.util.function.ToIntFunction<Box> measure) {
        return java.util.stream.IntStream.range(0, glyphs.size())
                .filter(k -> Character.isDigit(symbols[k]) && symbols[k] != '1')
                .map(k -> measure.applyAsInt(glyphs.get(k).box()))
                .sorted()
                .toArray();
    }

    private static boolean spaceElsewhere(boolean[] spaces, int except) {
        for (int i = 0; i < spaces.length; i++) {
            if (spaces[i] && i != except) {
                return true;
            }
        }
        return false;
    }

    /** The upper median, of a non-empty sorted array: with two digits, the taller and lower. */
    private static int median(int[] sorted) {
        return sorted[sorted.length / 2];
    }

    /** A digit next to glyph {@code i} in direction {@code step}, or a separator and a digit beyond it. */
    private static boolean numberGoesOn(char[] symbols, int i, int step) {
        int j = i + step;
        if (j < 0 || j >= symbols.length || symbols[j] == OTHER) {
            return false;
        }
        int k = j + step;
        return Character.isDigit(symbols[j]) || k >= 0 && k < symbols.length && Character.isDigit(symbols[k]);
    }

    /**
     * One ring of a % apart from a bar that kept the other: a sizeable ring (a period kerned under
     * a 7 is much smaller) sticking out on the ring's own side, lower right or upper left.
     */
    private static boolean isDetachedRing(Box bar, Box ring, boolean upper) {
        double h = bar.height();
        if (ring.height() < 0.35 * h || ring.width() < 0.25 * h || bar.width() < 0.6 * h) {
            return false;
        }
        return upper
                ? ring.x() < bar.x() + 0.1 * h && ring.centerX() < bar.centerX()
                : ring.right() > bar.right() - 0.1 * h && ring.centerX() > bar.centerX();
    }

    /**
     * Word spaces inside a run of digits that layout kept as one token (+49 75 4651894, an IBAN
     * in groups of four): digits have one advance width in nearly every face, so a space shows as
     * a step between digit centres clearly longer than the token's usual one, which a monospaced
     * 1, narrow in a wide cell, does not make. Groups of three after a first group of one to three
     * (1 234 567,89) are one number written with spaces, and stay whole.
     */
    static boolean[] digitGroupSpaces(List<Glyph> glyphs, char[] symbols, double lineHeight) {
        int n = glyphs.size();
        boolean[] space = new boolean[n];
        List<Double> steps = new ArrayList<>();
        List<Integer> gaps = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            if (isTallDigit(glyphs, symbols, i - 1, lineHeight) && isTallDigit(glyphs, symbols, i, lineHeight)) {
                steps.add(glyphs.get(i).box().centerX() - glyphs.get(i - 1).box().centerX());
                gaps.add(glyphs.get(i).box().x() - glyphs.get(i - 1).box().right());
            }
        }
        if (steps.size() < MIN_STEPS_FOR_SPACES) {
            return space;
        }
        java.util.Collections.sort(steps);
        java.util.Collections.sort(gaps);
        double usualStep = steps.get(steps.size() / 2);
        int usualGap = gaps.get(gaps.size() / 2);
        boolean any = false;
        for (int i = 1; i < n; i++) {
            if (!isTallDigit(glyphs, symbols, i - 1, lineHeight) || !isTallDigit(glyphs, symbols, i, lineHeight)) {
                continue;
            }
            Box left = glyphs.get(i - 1).box();
            Box right = glyphs.get(i).box();
            int gap = right.x() - left.right();
            double step = right.centerX() - left.centerX();
            // Beside a proportional 1, narrower than its neighbours, a space lengthens the step
            // between centres less, but widens the gap itself several times over.
            boolean spaceBesideANarrowDigit = step >= NARROW_SPACE_STEP * usualStep && gap >= SPACE_GAPS * Math.max(1, usualGap);
            if (gap >= 0.25 * lineHeight && (step >= SPACE_STEP * usualStep || spaceBesideANarrowDigit)) {
                space[i] = true;
                any = true;
            }
        }
        if (any && isGroupedThousands(symbols, space)) {
            return new boolean[n];
        }
        return space;
    }

    private static boolean isTallDigit(List<Glyph> glyphs, char[] symbols, int i, double lineHeight) {
        return Character.isDigit(symbols[i]) && glyphs.get(i).box().height() >= 0.6 * lineHeight;
    }

    /** The digit groups the spaces make: one to three digits, then only threes (a separator may end the last). */
    private static boolean isGroupedThousands(char[] symbols, boolean[] space) {
        List<Integer> groups = new ArrayList<>();
        int run = 0;
        int firstDigit = 0;
        while (firstDigit < symbols.length && !Character.isDigit(symbols[firstDigit])) {
            firstDigit++;
        }
        for (int i = firstDigit; i < symbols.length; i++) {
            if (space[i] || !Character.isDigit(symbols[i])) {
                if (run > 0 || space[i]) {
                    groups.add(run);
                }
                run = 0;
                if (!space[i] && !Character.isDigit(symbols[i])) {
                    break;
                }
            }
            if (Character.isDigit(symbols[i])) {
                run++;
            }
        }
        if (run > 0) {
            groups.add(run);
        }
        if (groups.size() < 2 || groups.get(0) < 1 || groups.get(0) > 3) {
            return false;
        }
        return groups.subList(1, groups.size()).stream().allMatch(g -> g == 3);
    }

    /**
     * Among letters, a glyph that starts at the x-height and hangs well below the baseline is a
     * g, p, q or y, not the 8, 9 or 4 it resembles: lining digits stand on the baseline.
     *
     * @return how many glyphs it turned into letters
     */
    static int markDescenders(List<Glyph> glyphs, char[] symbols, double lineHeight, double baseline) {
        int marked = 0;
        for (int i = 0; i < glyphs.size(); i++) {
            Box b = glyphs.get(i).box();
            if (Character.isDigit(symbols[i]) && b.bottom() > baseline + 0.2 * lineHeight
                    && b.y() > baseline - 0.85 * lineHeight) {
                symbols[i] = OTHER;
                marked++;
            }
        }
        return marked;
    }

    /**
     * A thousands separator and a decimal separator differ: in 3.134.60 or 1,234,56 (groups of
     * three, then a last group that is not) the last mark, too small to tell a comma from a
     * period by shape, must be the other one. Dates such as 12.04.2025 do not have that shape.
     */
    static void makeSeparatorsConsistent(char[] symbols, int first, int last) {
        List<Integer> marks = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        int run = 0;
        for (int i = first; i <= last; i++) {
            char c = symbols[i];
            if (Character.isDigit(c)) {
                run++;
            } else if (c == '.' || c == ',') {
                marks.add(i);
                groups.add(run);
                run = 0;
            } else {
                return;
            }
        }
        groups.add(run);
        if (marks.size() < 2) {
            return;
        }
        if (marks.size() == 2 && groups.get(0) <= 2 && groups.get(1) <= 2 && groups.get(2) == 4) {
            // A date (28.10.2024): its marks are alike, and a comma is never one of them.
            symbols[marks.get(0)] = '.';
            symbols[marks.get(1)] = '.';
            return;
        }
        char kind = symbols[marks.get(0)];
        for (int m : marks) {
            if (symbols[m] != kind) {
                return;
            }
        }
        for (int g = 1; g < groups.size() - 1; g++) {
            if (groups.get(g) != 3) {
                return;
            }
        }
        int tail = groups.get(groups.size() - 1);
        if (groups.get(0) >= 1 && groups.get(0) <= 3 && tail >= 1 && tail != 3) {
            symbols[marks.get(marks.size() - 1)] = kind == '.' ? ',' : '.';
        }
    }

    private static boolean mostlyDigits(List<Glyph> glyphs, List<Classification> classes, double lineHeight) {
        int tall = 0;
        int digits = 0;
        for (int i = 0; i < glyphs.size(); i++) {
            Box b = glyphs.get(i).box();
            if (b.height() >= 0.5 * lineHeight) {
                tall++;
                Classification c = classes.get(i);
                // Letters run together (the "ty" of a table's Qty header) read as an unsure digit;
                // counted as one, half of that cell would be digits and the word read as a field.
                boolean runTogether = b.width() > MAX_DIGIT_ASPECT * b.height() && c.probability() < SURE_NEIGHBOUR;
                digits += c.isDigit() && !runTogether ? 1 : 0;
                // Letters run together count as the two they are at least: "pcs" with p and c fused
                // had its s, read as a 5 at 0.51, stand for half the cell.
                tall += (runTogether || !c.isDigit()) && b.width() > MAX_DIGIT_ASPECT * b.height() ? 1 : 0;
            }
        }
        return tall > 0 && 2 * digits >= tall;
    }

    private static double localBaseline(List<Glyph> glyphs, double lineHeight, double fallback) {
        int[] bottoms = glyphs.stream().filter(g -> g.box().height() >= 0.6 * lineHeight)
                .mapToInt(g -> g.box().bottom()).sorted().toArray();
        return bottoms.length == 0 ? fallback : bottoms[bottoms.length / 2];
    }

    /**
     * The neighbour a small piece of ink beside glyph {@code i} was torn from, or -1. Handwriting
     * lifts the pen (the top stroke of a 5), and the removal of a field's ruled lines takes
     * stretches of near-horizontal strokes with it (the foot of a 2, the bottom of a 0); the
     * piece left over lies under or over its digit, where no separator stands: a period, comma or
     * hyphen sits in the gap between two characters. So a piece is its neighbour's when it reaches
     * a quarter of its width under that full-size neighbour and is no separator by its geometry,
     * or half of its width when it has a hyphen's shape. A period or comma may tuck under a
     * printed 7 and stays one.
     */
    public static int fragmentOwner(List<Glyph> glyphs, int i, double lineHeight, double baseline) {
        Box b = glyphs.get(i).box();
        if (b.height() >= 0.5 * lineHeight) {
            return -1;
        }
        char shape = smallSeparator(b, fill(glyphs.get(i)), lineHeight, baseline);
        double needed = switch (shape) {
            case OTHER -> FRAGMENT_OVERLAP;
            case '-' -> HYPHEN_FRAGMENT_OVERLAP;
            default -> Double.MAX_VALUE;
        };
        int owner = -1;
        int bestOverlap = 0;
        for (int j : new int[] {i - 1, i + 1}) {
            if (j < 0 || j >= glyphs.size()) {
                continue;
            }
            Box n = glyphs.get(j).box();
            int overlap = n.horizontalOverlap(b);
            if (n.height() >= 0.6 * lineHeight && overlap >= needed * b.width() && overlap > bestOverlap) {
                owner = j;
                bestOverlap = overlap;
            }
        }
        return owner;
    }

    /** The share of a glyph's box its ink covers. */
    static double fill(Glyph g) {
        return g.ink() / (double) Math.max(1, g.box().width() * g.box().height());
    }

    private static boolean hasSpecks(List<Glyph> glyphs, double lineHeight, double baseline) {
        for (Glyph g : glyphs) {
            if (isSpeck(g.box(), lineHeight, baseline)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Noise, not a character: a dot no larger than the smallest period, clear of the baseline
     * where periods and commas sit (a bilevel scan's white specks in a dark band stood between
     * the hyphen and the digits of 2025-99764). Left in, it parts a number like a letter would.
     * A colon's or an i's dot is no speck: the segmenter joins it to its stack.
     */
    static boolean isSpeck(Box b, double lineHeight, double baseline) {
        return Math.max(b.width(), b.height()) <= SPECK_SIZE * lineHeight && b.bottom() < baseline - 0.2 * lineHeight;
    }

    /**
     * Period, comma or minus, told apart by size and position against the baseline, and by
     * {@code fill}, the share of the box the mark's ink covers.
     */
    static char smallSeparator(Box b, double fill, double lineHeight, double baseline) {
        double h = b.height();
        double w = b.width();
        double top = baseline - lineHeight;
        double centreY = b.centerY();
        if (h <= 0.3 * lineHeight && w >= 0.15 * lineHeight && w <= 1.2 * lineHeight && w >= 1.3 * h
                && centreY > top + 0.25 * lineHeight && centreY < baseline - 0.2 * lineHeight) {
            return '-';
        }
        if (w > 0.4 * lineHeight) {
            return OTHER;
        }
        boolean nearBaseline = b.bottom() >= baseline - 0.2 * lineHeight && b.y() >= baseline - 0.45 * lineHeight;
        if (!nearBaseline) {
            return OTHER;
        }
        if (b.bottom() > baseline + 0.08 * lineHeight && h >= w) {
            return ',';
        }
        // A comma whose tail a coarse scan or a fax threshold lost is still taller than wide; a
        // period, however blurred, is round, or, in a monospaced face, a solid block that fills
        // its box where a comma's tail tapers.
        if (h >= COMMA_STUB_ASPECT * w && b.bottom() >= baseline - 0.02 * lineHeight && fill < SOLID_BLOCK_FILL) {
            return ',';
        }
        // A monospaced face's comma at 200 DPI can be a plain bar, solid, 3 px by 8, reaching a
        // little under the baseline; its solid period is a block hardly taller than wide.
        if (h >= COMMA_BAR_ASPECT * w && b.bottom() > baseline) {
            return ',';
        }
        if (h <= PERIOD_HEIGHT * lineHeight && w <= 2.5 * h && h <= 2.5 * w) {
            return '.';
        }
        return OTHER;
    }

    /** Characters of a digit's height that are no sure digit: in a column of numbers one of them may be a 1. */
    private int doubtedCharacters(List<Glyph> glyphs, List<Classification> classes, double lineHeight) {
        int doubted = 0;
        for (int i = 0; i < glyphs.size(); i++) {
            Classification c = classes.get(i);
            if (glyphs.get(i).box().height() >= options.minDigitHeight() * lineHeight
                    && !(c.isDigit() && c.probability() >= SURE_NEIGHBOUR)) {
                doubted++;
            }
        }
        return doubted;
    }

    /**
     * A hyphen a fax's threshold wore down to a dot (555-8914 with a 2 x 1 dot for its bar) still
     * stands at mid-height in the room a hyphen takes between two digits. Noise in the usual gap
     * between digits is no hyphen, nor is a dot on the baseline (a period).
     */
    static void markFadedHyphens(List<Glyph> glyphs, char[] symbols, double lineHeight, double baseline) {
        double top = baseline - lineHeight;
        for (int i = 1; i + 1 < glyphs.size(); i++) {
            if (symbols[i] != OTHER || !Character.isDigit(symbols[i - 1]) || !Character.isDigit(symbols[i + 1])) {
                continue;
            }
            Box b = glyphs.get(i).box();
            boolean dot = b.height() <= FADED_HYPHEN_HEIGHT * lineHeight && b.width() <= FADED_HYPHEN_WIDTH * lineHeight;
            boolean midHeight = b.centerY() >= top + MID_BAND * lineHeight && b.centerY() <= baseline - MID_BAND * lineHeight;
            int room = glyphs.get(i + 1).box().x() - glyphs.get(i - 1).box().right();
            if (dot && midHeight && room >= HYPHEN_ROOM * lineHeight) {
                symbols[i] = '-';
            }
        }
    }

    /**
     * A digit whose foot was torn off (a fax's thin stem that broke below a 4's bar) stands shorter
     * than a digit may, but its top is level with the digits of its number on either side.
     */
    public static boolean tornFromItsFoot(List<Glyph> glyphs, int i, double lineHeight, double minDigitHeight) {
        if (i <= 0 || i + 1 >= glyphs.size()) {
            return false;
        }
        Box b = glyphs.get(i).box();
        if (b.height() < TORN_DIGIT_HEIGHT * lineHeight || b.height() >= minDigitHeight * lineHeight) {
            return false;
        }
        for (Box side : new Box[] {glyphs.get(i - 1).box(), glyphs.get(i + 1).box()}) {
            if (side.height() < minDigitHeight * lineHeight || Math.abs(side.y() - b.y()) > LEVEL_TOPS * lineHeight
                    || side.height() <= b.height()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Finds slashes among tall glyphs that are not digits, or that the classifier took for a 1 (a
     * leaning bar is a 1 in many hands): a thin stroke leaning right clearly more than the
     * token's digits do. Italic digits lean too, so the comparison is with them, not with upright.
     */
    private static void markSlashes(List<Glyph> glyphs, char[] symbols, double[] probabilities, LabelImage labels,
            double lineHeight) {
        double[] digitSlants = new double[glyphs.size()];
        int count = 0;
        for (int i = 0; i < glyphs.size(); i++) {
            if (Character.isDigit(symbols[i]) && symbols[i] != '1') {
                digitSlants[count++] = slant(glyphs.get(i), labels);
            }
        }
        double typical = 0;
        if (count > 0) {
            double[] sorted = java.util.Arrays.copyOf(digitSlants, count);
            java.util.Arrays.sort(sorted);
            typical = sorted[count / 2];
        }
        double slashSlant = 0;
        for (int i = 0; i < glyphs.size(); i++) {
            if (symbols[i] != OTHER && symbols[i] != '1') {
                continue;
            }
            Box b = glyphs.get(i).box();
            // Monospaced slashes fill their cell, so they are wider than a proportional font's.
            if (b.height() < 0.85 * lineHeight || b.width() > 0.75 * b.height()) {
                continue;
            }
            // A slash in a number stands between digits (03/11/2025, 1/2); an r or a v in a word does not.
            boolean digitBefore = i > 0 && Character.isDigit(symbols[i - 1]);
            boolean digitAfter = i + 1 < glyphs.size() && Character.isDigit(symbols[i + 1]);
            if (!digitBefore || !digitAfter) {
                continue;
            }
            double slant = slant(glyphs.get(i), labels);
            if (slant <= SLASH_LEAN && slant - typical <= -0.15) {
                symbols[i] = '/';
                probabilities[i] = 1.0;
                slashSlant = Math.min(slashSlant, slant);
            }
        }
        // A date's other slash, thinner or blurred, may lean less than the bar above asks (12/17/2024
        // read as 12117/2024); it leans about as much as the slash found beside it, and a 1 does not.
        if (slashSlant > SLASH_LEAN) {
            return;
        }
        for (int i = 1; i + 1 < glyphs.size(); i++) {
            Box b = glyphs.get(i).box();
            if (symbols[i] != '1' || b.height() < 0.85 * lineHeight || !Character.isDigit(symbols[i - 1])
                    || !Character.isDigit(symbols[i + 1])) {
                continue;
            }
            double slant = slant(glyphs.get(i), labels);
            if (slant <= SAME_SLASH * slashSlant && slant - typical <= -0.1) {
                symbols[i] = '/';
                probabilities[i] = 1.0;
            }
        }
    }

    /** Whether the glyph's ink leans right as a slash between digits does (unless its digits lean as much). */
    public static boolean leansLikeASlash(Glyph g, LabelImage labels) {
        return slant(g, labels) <= SLASH_LEAN;
    }

    /**
     * Horizontal pixels moved per pixel down along the least-squares line through the ink:
     * negative when the top leans right, as in a slash or an italic.
     */
    static double slant(Glyph g, LabelImage labels) {
        Box b = g.box();
        double n = 0;
        double sx = 0;
        double sy = 0;
        double sxy = 0;
        double syy = 0;
        for (int y = b.y(); y < b.bottom(); y++) {
            for (int x = b.x(); x < b.right(); x++) {
                int l = labels.get(x, y);
                if (l != 0 && g.owns(l)) {
                    n++;
                    sx += x;
                    sy += y;
                    sxy += (double) x * y;
                    syy += (double) y * y;
                }
            }
        }
        if (n < 3) {
            return 0;
        }
        double varY = syy - sy * sy / n;
        return varY <= 0 ? 0 : (sxy - sx * sy / n) / varY;
    }
}
