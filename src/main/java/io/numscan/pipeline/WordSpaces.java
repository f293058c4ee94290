package io.numscan.pipeline;

import io.numscan.classify.Classification;
import io.numscan.geom.Box;
import io.numscan.layout.Token;
import io.numscan.segment.Glyph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Word spaces the layout could not see before the glyphs were read. Layout cuts tokens at gaps
 * relative to the line's height alone; tightly set serif print leaves "Page 1 of 2" and "Dock 11"
 * gaps a little under that, yet far wider than the gaps inside their words, and the 1s, touching
 * letters, were taken for part of a word.
 */
final class WordSpaces {
    /** A gap beside a digit this much of the line height, and {@link #LETTER_GAPS_IN_A_SPACE} letter gaps, parts words. */
    private static final double WORD_SPACE_BESIDE_DIGIT = 0.3;
    private static final double LETTER_GAPS_IN_A_SPACE = 3;
    private static final double LETTER_MIN_WIDTH = 0.3;
    /** Of the line's (capital and digit) height: lower-case letters are two thirds of it or more. */
    private static final double X_HEIGHT = 0.6;
    private static final int WORD_LOOKAHEAD = 2;

    private WordSpaces() {
    }

    /**
     * The usual gap between neighbouring characters of one word among {@code tokens} (a line's),
     * the yardstick for {@link #besideDigits}.
     */
    static double letterGap(List<Token> tokens) {
        List<Integer> gaps = new ArrayList<>();
        for (Token token : tokens) {
            List<Glyph> glyphs = token.glyphs();
            for (int i = 1; i < glyphs.size(); i++) {
                // Beside letters run together a gap says nothing of the letters' spacing: in a bold
                // "Page 1 of 1" whose words each fused into one glyph, every gap is a word space.
                if (runTogether(glyphs.get(i - 1)) || runTogether(glyphs.get(i))) {
                    continue;
                }
                gaps.add(Math.max(0, glyphs.get(i).box().x() - glyphs.get(i - 1).box().right()));
            }
        }
        if (gaps.isEmpty()) {
            return 0;
        }
        Collections.sort(gaps);
        // The lower quartile: a short line ("Page 1 of 2") has as many word spaces as letter gaps.
        return gaps.get(gaps.size() / 4);
    }

    /**
     * Where a read token holds word spaces: gaps of {@link #WORD_SPACE_BESIDE_DIGIT} of the line
     * height and {@link #LETTER_GAPS_IN_A_SPACE} letter gaps between a digit and the last letter of
     * a word. Never between two digits, so tabular 1s, which stand as far apart, stay one number.
     *
     * @return indices of the glyphs that start a new token, ascending
     */
    static List<Integer> besideDigits(Token token, List<Classification> classes, double letterGap) {
        List<Glyph> glyphs = token.glyphs();
        double lineHeight = token.lineHeight();
        List<Integer> cuts = new ArrayList<>();
        if (token.field() >= 0) {
            return cuts;
        }
        double minGap = Math.max(WORD_SPACE_BESIDE_DIGIT * lineHeight, LETTER_GAPS_IN_A_SPACE * Math.max(1, letterGap));
        for (int i = 1; i < glyphs.size(); i++) {
            Glyph left = glyphs.get(i - 1);
            Glyph right = glyphs.get(i);
            if (ScanService.isMark(left, lineHeight) || ScanService.isMark(right, lineHeight) || gap(left, right) < minGap) {
                continue;
            }
            if (classes.get(i).isDigit() && endsAWord(token, classes, i - 1, -1, minGap)
                    || classes.get(i - 1).isDigit() && endsAWord(token, classes, i, 1, minGap)) {
                cuts.add(i);
            }
        }
        return cuts;
    }

    private static boolean runTogether(Glyph g) {
        return g.box().width() > g.box().height();
    }

    private static int gap(Glyph left, Glyph right) {
        return right.box().x() - left.box().right();
    }

    /**
     * Whether glyph {@code i} is the last letter of a word that runs on in direction {@code step}:
     * it is a letter (see {@link #isLetter}), and letters run together ("of" fused into one), or
     * one of the next two characters of its word is no sure digit either (a g can read as a sure
     * 8). A 5 broken into one unsure piece at the end of its number is no word.
     */
    private static boolean endsAWord(Token token, List<Classification> classes, int i, int step, double minGap) {
        List<Glyph> glyphs = token.glyphs();
        Glyph letter = glyphs.get(i);
        if (!isLetter(letter, classes.get(i), token)) {
            // A narrow letter the classifier doubts (the f of "of 1" at 200 DPI, a bar to it) ends
            // a word when it is no digit and a sure letter stands a letter's gap inside the word.
            int inner = i + step;
            return !classes.get(i).isDigit() && letter.box().width() < LETTER_MIN_WIDTH * letter.box().height()
                    && inner >= 0 && inner < glyphs.size()
                    && gap(glyphs.get(Math.min(i, inner)), glyphs.get(Math.max(i, inner))) < minGap
                    && isLetter(glyphs.get(inner), classes.get(inner), token);
        }
        if (letter.box().width() >= letter.box().height()) {
            return true;
        }
        for (int k = 1, inner = i; k <= WORD_LOOKAHEAD; k++, inner += step) {
            int j = inner + step;
            if (j < 0 || j >= glyphs.size() || gap(glyphs.get(Math.min(inner, j)), glyphs.get(Math.max(inner, j))) >= minGap) {
                return false;
            }
            if (!ScanService.isSureDigit(classes.get(j))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A letter, or letters run together, as sure as the classifier can say: no digit, or wider
     * than any digit and no sure one (a fused "ag" reads as an unsure 8). A letter is at least as
     * tall as a lower-case x, which the ring of a broken 9 is not; it reaches above the middle of
     * the line, which a bold comma does not; and it is no thin bar, which half of a broken 0 is.
     */
    private static boolean isLetter(Glyph glyph, Classification c, Token token) {
        Box b = glyph.box();
        boolean shaped = b.y() < token.baseline() - 0.5 * token.lineHeight() && b.height() >= X_HEIGHT * token.lineHeight()
                && b.width() >= LETTER_MIN_WIDTH * b.height();
        return shaped && (!c.isDigit() && c.probability() >= ScanService.SURE || !ScanService.isSureDigit(c) && b.width() > b.height());
    }
}
