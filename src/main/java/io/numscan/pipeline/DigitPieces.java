package io.numscan.pipeline;

import io.numscan.classify.Classification;
import io.numscan.classify.GlyphClassifier;
import io.numscan.geom.Box;
import io.numscan.layout.Token;
import io.numscan.segment.Glyph;
import io.numscan.segment.LabelImage;
import io.numscan.segment.PercentShape;
import java.util.ArrayList;
import java.util.List;

/** Puts back together the pieces of digits whose thin strokes a fax broke apart. */
final class DigitPieces {
    /**
     * A digit a fax broke comes in two or three pieces at a time; a second pass adds a fourth (see
     * {@link #join}). Four at once read fewer numbers on the seed-7 corpus at 200 DPI, and still
     * gained only one more once the second pass was there (three found, two lost).
     */
    private static final int MAX_DIGIT_PIECES = 3;
    /** How far above the baseline, in line heights, a small piece of a digit's top stroke sits: no mark is that high. */
    private static final double PIECE_NEAR_TOP = 0.75;
    /** The widest gap, in line heights, between two pieces of one digit: a lost hairline, narrower than a letter space. */
    private static final double PIECE_GAP = 0.15;
    /** A low piece this many times as wide as tall is a stroke's foot; a period or comma is about square. */
    private static final double FLAT = 2;
    /** Pieces together no wider than this share of their height are one character, not two. */
    private static final double PIECES_ASPECT = 0.9;
    /**
     * The same in a form box, where a hand's 5 may end its flag, drawn apart from the stem, well
     * past its bowl: one on the validation forms was 1.25 times as wide as tall with its flag.
     */
    static final double PIECES_ASPECT_IN_FIELD = 1.3;
    /** A torn-off foot starts within this share of its digit's width from the digit's left edge. */
    private static final double TUCKED_LEFT = 0.25;
    private final GlyphClassifier classifier;

    DigitPieces(GlyphClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * Two or three neighbouring pieces of one digit whose thin strokes broke apart, as a bilevel fax
     * of a light serif face leaves them (a 6 as its left arc and its ring, a 4 as its stem, bowl and
     * tip; a 3 as its body and the tips of its arcs), together of a digit's height and shape and
     * read together as a sure digit (see {@link #unionLabel}), become one glyph; {@code classes}
     * changes with them. Where several groupings overlap the surest wins. Boxed fields count: a
     * table's row numbers sit in ruled cells that read as boxes.
     */
    Token join(LabelImage labels, Token token, List<Classification> classes) {
        // A comb's cells already say where each character is.
        if (token.comb()) {
            return token;
        }
        // A second pass takes the pieces a digit of more than three still leaves: the torn-off
        // foot of a 5 whose bar, stem and bowl the first pass put together.
        Token once = joinOnce(labels, token, classes);
        return once == token ? token : joinOnce(labels, once, classes);
    }

    private Token joinOnce(LabelImage labels, Token token, List<Classification> classes) {
        List<Glyph> glyphs = new ArrayList<>(token.glyphs());
        List<int[]> windows = new ArrayList<>();
        List<Glyph> unions = new ArrayList<>();
        for (int i = 0; i < glyphs.size(); i++) {
            for (int n = 2; n <= MAX_DIGIT_PIECES && i + n <= glyphs.size(); n++) {
                int label = unionLabel(glyphs, classes, i, n, token.lineHeight(), token.baseline(),
                        token.field() >= 0 ? PIECES_ASPECT_IN_FIELD : PIECES_ASPECT);
                if (label >= -1 && !partOfAPercentSign(labels, glyphs, classes, i, n)) {
                    windows.add(new int[] {i, n, label});
                    unions.add(Glyph.union(glyphs.subList(i, i + n)));
                }
            }
        }
        if (windows.isEmpty()) {
            return token;
        }
        List<Classification> unionClasses = classifier.classify(labels, unions);
        Integer[] surestFirst = new Integer[windows.size()];
        for (int k = 0; k < surestFirst.length; k++) {
            surestFirst[k] = k;
        }
        java.util.Arrays.sort(surestFirst, (a, b) -> Float.compare(unionClasses.get(b).probability(), unionClasses.get(a).probability()));
        boolean[] taken = new boolean[glyphs.size()];
        List<Integer> chosen = new ArrayList<>();
        for (int k : surestFirst) {
            int[] w = windows.get(k);
            Classification c = unionClasses.get(k);
            if (!ScanService.isSureDigit(c) || (w[2] >= 0 && c.label() != w[2]) || anyTaken(taken, w[0], w[1])) {
                continue;
            }
            java.util.Arrays.fill(taken, w[0], w[0] + w[1], true);
            chosen.add(k);
        }
        if (chosen.isEmpty()) {
            return token;
        }
        // From the right, so earlier indices stay valid.
        chosen.sort((a, b) -> Integer.compare(windows.get(b)[0], windows.get(a)[0]));
        for (int k : chosen) {
            int[] w = windows.get(k);
            glyphs.subList(w[0], w[0] + w[1]).clear();
            classes.subList(w[0], w[0] + w[1]).clear();
            glyphs.add(w[0], unions.get(k));
            classes.add(w[0], unionClasses.get(k));
        }
        return token.withGlyphs(glyphs);
    }

    /**
     * Whether the pieces {@code from} to {@code from + count - 1} and the glyph beside them, not a
     * sure digit, hold the two diagonal rings of a %: a fax breaks a % into its rings and bits of
     * its bar, and the upper ring with a bit of bar reads as a 9.
     */
    static boolean partOfAPercentSign(LabelImage labels, List<Glyph> glyphs, List<Classification> classes, int from, int count) {
        for (int j : new int[] {from - 1, from + count}) {
            if (j >= 0 && j < glyphs.size() && !ScanService.isSureDigit(classes.get(j))) {
                int first = Math.min(j, from);
                int last = Math.max(j, from + count - 1);
                if (PercentShape.hasDiagonalRings(labels, Glyph.union(glyphs.subList(first, last + 1)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anyTaken(boolean[] taken, int from, int count) {
        for (int j = from; j < from + count; j++) {
            if (taken[j]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether glyphs {@code from} to {@code from + count - 1} may be the pieces of one digit (see
     * {@link #join}): together of a digit's height and shape, with no gap wider than a
     * hairline between them. A small piece belongs near the top of the line (the tip of a 3's top
     * arc, the hook of a 2), or low under such a top piece (the tip of a 3's bottom arc): low and
     * alone it is a period or comma, mid-line a hyphen. At most one piece is a sure digit, and then
     * every other piece is small: the tips it lost.
     *
     * @return the label the union must read as, any digit when -1, or -2 when these are no pieces of one digit
     */
    static int unionLabel(List<Glyph> glyphs, List<Classification> classes, int from, int count,
            double lineHeight, double baseline, double maxAspect) {
        Box union = glyphs.get(from).box();
        int sureLabel = -1;
        boolean allSmallButSure = true;
        boolean anyStroke = false;
        for (int j = from; j < from + count; j++) {
            Box b = glyphs.get(j).box();
            if (j > from && b.x() - glyphs.get(j - 1).box().right() > PIECE_GAP * lineHeight) {
                return -2;
            }
            union = union.union(b);
            if (isSmallPiece(b, lineHeight)) {
                if (!nearTop(b, lineHeight, baseline) && !underATopPiece(glyphs, from, count, j, lineHeight, baseline)
                        && !flatUnderTheOthers(glyphs, from, count, j) && !tuckedIntoAStroke(glyphs, from, count, j, lineHeight)) {
                    return -2;
                }
            } else if (ScanService.isSureDigit(classes.get(j))) {
                anyStroke = true;
                if (sureLabel >= 0) {
                    return -2;
                }
                sureLabel = classes.get(j).label();
            } else {
                anyStroke = true;
                allSmallButSure = false;
            }
        }
        if ((sureLabel >= 0 && !allSmallButSure) || !anyStroke) {
            return -2;
        }
        return union.height() >= ScanService.FULL_HEIGHT * lineHeight && union.width() <= maxAspect * union.height() ? sureLabel : -2;
    }

    private static boolean isSmallPiece(Box b, double lineHeight) {
        return b.height() < 0.5 * lineHeight;
    }

    private static boolean nearTop(Box b, double lineHeight, double baseline) {
        return b.centerY() <= baseline - PIECE_NEAR_TOP * lineHeight;
    }

    /** A low piece far wider than tall (the foot of a 2) under the window's other pieces: no period or comma is that flat. */
    private static boolean flatUnderTheOthers(List<Glyph> glyphs, int from, int count, int j) {
        Box low = glyphs.get(j).box();
        if (low.width() < FLAT * low.height()) {
            return false;
        }
        int covered = 0;
        for (int k = from; k < from + count; k++) {
            if (k != j) {
                covered = Math.max(covered, glyphs.get(k).box().horizontalOverlap(low));
            }
        }
        return covered >= 0.5 * low.width();
    }

    /**
     * A small piece at the left edge of a stroke piece of the window, within its width: the foot of
     * a 5 or the end of a 3's lower arc, torn off. A period or comma stands clear of the digit after
     * it; in italics it may sit under the digit before it, but then under that digit's right side.
     */
    private static boolean tuckedIntoAStroke(List<Glyph> glyphs, int from, int count, int j, double lineHeight) {
        Box small = glyphs.get(j).box();
        for (int k = from; k < from + count; k++) {
            Box b = glyphs.get(k).box();
            if (k != j && !isSmallPiece(b, lineHeight) && small.x() <= b.x() + TUCKED_LEFT * b.width()
                    && b.horizontalOverlap(small) >= 0.5 * small.width()) {
                return true;
            }
        }
        return false;
    }

    private static boolean underATopPiece(List<Glyph> glyphs, int from, int count, int j, double lineHeight, double baseline) {
        Box low = glyphs.get(j).box();
        for (int k = from; k < from + count; k++) {
            Box b = glyphs.get(k).box();
            if (k != j && isSmallPiece(b, lineHeight) && nearTop(b, lineHeight, baseline)
                    && b.horizontalOverlap(low) >= 0.5 * low.width()) {
                return true;
            }
        }
        return false;
    }
}
