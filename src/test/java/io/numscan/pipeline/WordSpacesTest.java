package io.numscan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.numscan.classify.Classification;
import io.numscan.classify.DigitClasses;
import io.numscan.geom.Box;
import io.numscan.layout.Token;
import io.numscan.segment.Glyph;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Word spaces a little under the layout's, seen once the glyphs are read: tightly set serif print
 * runs "Page 1 of 2" and "Dock 11" into one token each, whose 1s, touching letters, were dropped.
 */
class WordSpacesTest {
    private static final double LINE = 27;
    private static final int BASELINE = 100;

    private static Token token(int[]... shapes) {
        return token(LINE, shapes);
    }

    /**
     * Glyphs left to right, each {@code {gapBefore, width, height}} standing on the baseline, or
     * {@code {gapBefore, width, height, descent}} reaching below it.
     */
    private static Token token(double lineHeight, int[]... shapes) {
        List<Glyph> glyphs = new ArrayList<>();
        int x = 0;
        for (int[] s : shapes) {
            x += s[0];
            int descent = s.length > 3 ? s[3] : 0;
            glyphs.add(new Glyph(new Box(x, BASELINE + descent - s[2], s[1], s[2]), new int[] {x}, s[1] * s[2] / 3));
            x += s[1];
        }
        return new Token(Box.enclosing(glyphs.stream().map(Glyph::box).toList()), glyphs, lineHeight, BASELINE, -1, false);
    }

    private static Classification digit(int d, float p) {
        return new Classification(d, p, d, p);
    }

    private static Classification letter() {
        return new Classification(DigitClasses.NOT_A_DIGIT, 1.0f, 1, 0.0f);
    }

    @Test
    void pageOneOfTwoIsThreeWords() {
        // P "ag" (fused, an unsure 8) 1 o f 2, as a 200-DPI scan read it.
        Token token = token(new int[] {0, 34, 27}, new int[] {2, 33, 22}, new int[] {11, 10, 27},
                new int[] {10, 17, 19}, new int[] {2, 13, 27}, new int[] {6, 16, 27});
        List<Classification> classes = List.of(letter(), digit(8, 0.69f), digit(1, 0.93f), letter(), letter(),
                digit(2, 1f));
        assertEquals(List.of(2, 3), WordSpaces.besideDigits(token, classes, 2));
    }

    @Test
    void wordsFusedIntoOneGlyphEachLeaveOnlyWordSpaces() {
        // "Page" 1 "of" 1 in bold 200-DPI print: each word one glyph, 8 px between them all.
        Token token = token(25, new int[] {0, 60, 28, 7}, new int[] {8, 11, 21}, new int[] {8, 25, 22},
                new int[] {8, 12, 21});
        List<Classification> classes = List.of(letter(), digit(1, 0.97f), letter(), digit(1, 0.87f));
        double letterGap = WordSpaces.letterGap(List.of(token));
        assertEquals(0, letterGap);
        assertEquals(List.of(1, 2, 3), WordSpaces.besideDigits(token, classes, letterGap));
    }

    @Test
    void aLetterReadAsASureDigitStillMakesAWord() {
        // P a g e 1, the g a sure 8: the e is a letter and the g beside it is part of its word.
        Token token = token(new int[] {0, 18, 26}, new int[] {2, 15, 19}, new int[] {2, 17, 22}, new int[] {1, 16, 19},
                new int[] {9, 13, 26});
        List<Classification> classes = List.of(letter(), letter(), digit(8, 0.99f), letter(), digit(1, 0.99f));
        assertEquals(List.of(4), WordSpaces.besideDigits(token, classes, 2));
    }

    @Test
    void tabularOnesStayOneNumber() {
        // 9 2 . 1 1 in tabular print: the narrow 1s stand a word space apart, but both are digits.
        Token token = token(new int[] {0, 17, 27}, new int[] {2, 17, 27}, new int[] {3, 5, 5}, new int[] {6, 7, 27},
                new int[] {12, 7, 27});
        List<Classification> classes = List.of(digit(9, 1f), digit(2, 1f), letter(), digit(1, 0.8f), digit(1, 0.8f));
        assertEquals(List.of(), WordSpaces.besideDigits(token, classes, 2));
    }

    @Test
    void piecesOfABrokenDigitAreNoWord() {
        // 1 then a 9 broken in light print: its ring, shorter than a lower-case letter, and its tail.
        Token token = token(20, new int[] {0, 4, 20}, new int[] {6, 7, 11, -8}, new int[] {-2, 8, 18});
        List<Classification> classes = List.of(digit(1, 0.82f), letter(), letter());
        assertEquals(List.of(), WordSpaces.besideDigits(token, classes, 1));
        // A bold comma between groups is no letter either: its top is below the middle of the line.
        Token amount = token(new int[] {0, 17, 27}, new int[] {2, 17, 27}, new int[] {9, 7, 17, 4}, new int[] {9, 17, 27});
        assertEquals(List.of(), WordSpaces.besideDigits(amount,
                List.of(digit(3, 1f), digit(3, 1f), letter(), digit(9, 1f)), 2));
    }

    @Test
    void aNarrowLetterTheClassifierDoubtsEndsItsWord() {
        // "of 1" in sans print at 200 DPI (line 30 px): the f is a 9 x 31 bar, no digit at 0.52, 14 px before the 1.
        Token token = token(30, new int[] {0, 20, 22}, new int[] {1, 9, 31}, new int[] {14, 10, 28});
        Classification doubtedF = new Classification(DigitClasses.NOT_A_DIGIT, 0.52f, 1, 0.38f);
        assertEquals(List.of(2), WordSpaces.besideDigits(token, List.of(letter(), doubtedF, digit(1, 0.98f)), 1));
        // The same bar read as a 1 is part of the number (1 1), and so is a bar with no sure letter before it.
        assertEquals(List.of(), WordSpaces.besideDigits(token, List.of(letter(), digit(1, 0.6f), digit(1, 0.98f)), 1));
        assertEquals(List.of(), WordSpaces.besideDigits(token, List.of(digit(0, 0.99f), doubtedF, digit(1, 0.98f)), 1));
        // A wide letter the classifier doubts (the N of a serif INVOICE after its I, read as a 1) is no such bar.
        Token invoice = token(37, new int[] {0, 15, 37}, new int[] {12, 34, 37}, new int[] {1, 33, 37});
        assertEquals(List.of(), WordSpaces.besideDigits(invoice,
                List.of(digit(1, 0.88f), new Classification(DigitClasses.NOT_A_DIGIT, 0.6f, 7, 0.3f), letter()), 1));
    }

    @Test
    void theSameGapInsideAWordOfWideGapsIsNoSpace() {
        // Letter-spaced print: every gap of the line is as wide, so none of them is a word space.
        Token token = token(new int[] {0, 18, 27}, new int[] {10, 15, 19}, new int[] {10, 10, 27});
        List<Classification> classes = List.of(letter(), letter(), digit(1, 0.95f));
        assertEquals(List.of(), WordSpaces.besideDigits(token, classes, 10));
    }
}
