package io.numscan.pipeline;

import static io.numscan.pipeline.ReadingFixtures.NO_LABELS;
import static io.numscan.pipeline.ReadingFixtures.digit;
import static io.numscan.pipeline.ReadingFixtures.glyph;
import static io.numscan.pipeline.ReadingFixtures.symbol;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.classify.Classification;
import io.numscan.geom.Box;
import io.numscan.layout.Token;
import io.numscan.segment.Glyph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a reading of a token is judged broken, and what a reading from faint ink may not cut. */
class FaintInkReadingTest {
    private static final double LINE = 20;
    private static final double BASELINE = 120;
    private static final double MIN_DIGIT_HEIGHT = io.numscan.assemble.AssembleOptions.DEFAULT.minDigitHeight();

    private static Glyph tall(int x, int width) {
        return glyph(x, 100, width, 20);
    }

    private static Glyph mark(int x) {
        return glyph(x, 116, 4, 4);
    }

    private static int brokenness(List<Glyph> glyphs, List<Classification> classes) {
        Token token = new Token(Box.enclosing(glyphs.stream().map(Glyph::box).toList()), glyphs, LINE, BASELINE, -1, false);
        return ScanService.brokenness(NO_LABELS, token, classes, MIN_DIGIT_HEIGHT);
    }

    @Test
    void theBarsOfAZeroThatLostItsHairlinesAreBrokenTheHealedZeroIsNot() {
        // 70,57 at its threshold: the 0 is two unsure bars, the comma is whole.
        assertEquals(2, brokenness(
                List.of(tall(0, 11), tall(14, 5), tall(23, 5), glyph(31, 116, 4, 7), tall(38, 10), tall(52, 11)),
                List.of(digit(7, 0.99), symbol(0.66), symbol(0.6), symbol(1), digit(5, 0.98), digit(7, 0.99))));
        // From faint ink the 0 is whole and sure.
        assertEquals(0, brokenness(
                List.of(tall(0, 11), tall(14, 14), glyph(31, 116, 4, 7), tall(38, 10), tall(52, 11)),
                List.of(digit(7, 0.99), digit(0, 0.99), symbol(1), digit(5, 0.98), digit(7, 0.99))));
    }

    @Test
    void aCommaTornInTwoIsBrokenAPeriodAloneIsNot() {
        assertEquals(1, brokenness(List.of(tall(0, 11), mark(14), mark(19), tall(26, 11)),
                List.of(digit(3, 0.99), symbol(1), symbol(1), digit(8, 0.99))));
        assertEquals(0, brokenness(List.of(tall(0, 11), mark(14), tall(21, 11)),
                List.of(digit(3, 0.99), symbol(1), digit(8, 0.99))));
    }

    @Test
    void aSymbolTooWideForADigitBetweenDigitsIsCharactersFusedAtTheEndItIsAPercentSign() {
        // 10/2023 from faint ink: the slash ran into the 2, a sure symbol 21 px wide.
        assertEquals(1, brokenness(List.of(tall(0, 6), tall(9, 11), tall(23, 21), tall(47, 11), tall(61, 11)),
                List.of(digit(1, 0.99), digit(0, 0.99), symbol(0.99), digit(0, 0.99), digit(2, 0.99))));
        // 19%: the same sure wide symbol, last.
        assertEquals(0, brokenness(List.of(tall(0, 6), tall(9, 11), tall(23, 21)),
                List.of(digit(1, 0.99), digit(9, 0.99), symbol(0.99))));
    }

    @Test
    void aPieceOfADigitThatFloatsAboveTheBaselineIsBrokenOneStandingOnItIsNot() {
        // 38 with the 8 torn across its waist: its top loop ends 9 px above the baseline.
        assertEquals(1, brokenness(List.of(tall(0, 11), glyph(14, 100, 11, 11), glyph(14, 113, 11, 7)),
                List.of(digit(3, 0.99), digit(0, 0.99), symbol(1))));
        // A character of the same size on the baseline (a lower-case letter) is whole.
        assertEquals(0, brokenness(List.of(tall(0, 11), glyph(14, 109, 11, 11)),
                List.of(digit(3, 0.99), symbol(0.99))));
    }

    @Test
    void faintInkFusedOverWhatTheFirstReadingCalledSymbolsIsNotCut() {
        // The first reading of 19%: a 1, a 9, then the rings and bar of the % in three pieces.
        List<Glyph> first = List.of(tall(0, 6), tall(9, 11), glyph(25, 100, 7, 9), tall(30, 6), glyph(36, 110, 7, 10));
        List<Classification> classes = List.of(digit(1, 0.8), digit(9, 0.97), symbol(1), symbol(0.9), symbol(1));
        // From faint ink the % is one glyph that would split into "96".
        assertTrue(ScanService.onlySymbolsUnder(first, classes, new Box(24, 100, 20, 20)));
        // A 9 and a 4 run together may be cut: the first reading saw a digit there.
        assertFalse(ScanService.onlySymbolsUnder(first, classes, new Box(8, 100, 24, 20)));
        // Where the first reading saw nothing there is nothing to go by.
        assertFalse(ScanService.onlySymbolsUnder(first, classes, new Box(80, 100, 20, 20)));
    }

    @Test
    void aSureDigitTheFaintReadingRanIntoASymbolIsLostOneMendedIntoADigitIsNot() {
        // 3/11/ at the threshold: every digit sure, the slashes unsure 1s.
        List<Glyph> first = List.of(tall(0, 11), tall(13, 6), tall(21, 11), tall(35, 11), tall(48, 6));
        List<Classification> classes = List.of(digit(3, 0.99), digit(1, 0.8), digit(1, 0.99), digit(1, 0.99), digit(1, 0.8));
        // From faint ink the last 1 ran into the slash after it: one wide sure symbol.
        assertEquals(1, ScanService.sureDigitsLost(first, classes,
                List.of(tall(0, 11), tall(13, 6), tall(21, 11), tall(35, 19)),
                List.of(digit(3, 0.99), digit(1, 0.95), digit(1, 0.99), symbol(0.99))));
        // The same ink, every character kept.
        assertEquals(0, ScanService.sureDigitsLost(first, classes, first, classes));
        // +49 at a 200-DPI scan's threshold: the +, then a sure 4 and 9. The faint ink runs the +
        // into the 4, one glyph 33 px wide that the classifier calls a sure 4: no single digit.
        List<Glyph> plus49 = List.of(glyph(0, 103, 15, 16), tall(16, 15), tall(34, 14));
        List<Classification> plus49Classes = List.of(symbol(1), digit(4, 0.99), digit(9, 0.99));
        assertEquals(1, ScanService.sureDigitsLost(plus49, plus49Classes,
                List.of(glyph(0, 100, 33, 20), tall(34, 14)), List.of(digit(4, 0.95), digit(9, 0.99))));
        // Two sure bars that the faint ink joins into a 0 are mended, not lost.
        assertEquals(0, ScanService.sureDigitsLost(List.of(tall(0, 4), tall(8, 4)), List.of(digit(1, 0.95), digit(1, 0.95)),
                List.of(tall(0, 12)), List.of(digit(0, 0.99))));
    }

    @Test
    void aPageIsReadFromFaintInkWhenMostOfManyNumbersLookBroken() {
        // The light-serif invoice of the corpus: 93 of its 123 numbers broken at the page's threshold.
        assertTrue(ScanService.mostlyBroken(123, 93));
        // The worst of the other 300-DPI scans, a fax: 21 of 65.
        assertFalse(ScanService.mostlyBroken(65, 21));
        // A form with a few labels outside its fields says nothing about the print.
        assertFalse(ScanService.mostlyBroken(11, 6));
    }
}
