package io.numscan.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.classify.Classification;
import io.numscan.classify.DigitClasses;
import io.numscan.geom.Box;
import io.numscan.segment.Glyph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a glyph the classifier calls a letter is still worth cutting into digits: 113,72 read as H3,72. */
class FusedDigitsTest {
    private static final double LINE = 30;

    private static Glyph glyph(int x, int width, int height) {
        return new Glyph(new Box(x, 100 - height, width, height), new int[] {x}, width * height / 3);
    }

    private static Classification digit(int d) {
        return new Classification(d, 0.99f, d, 0.99f);
    }

    private static Classification letter() {
        return new Classification(DigitClasses.NOT_A_DIGIT, 1.0f, 1, 0.0f);
    }

    @Test
    void aLetterAmongSureDigitsWithADigitAfterItIsWorthCutting() {
        // "H" 3 , 7 2: the serif 11 whose feet touch, then 3, a comma, 7 and 2.
        List<Glyph> glyphs = List.of(glyph(0, 29, 29), glyph(30, 17, 29), glyph(49, 6, 9), glyph(57, 17, 29), glyph(76, 18, 29));
        List<Classification> classes = List.of(letter(), digit(3), letter(), digit(7), digit(2));
        assertTrue(ScanService.amongSureDigits(glyphs, classes, 0, LINE));
    }

    @Test
    void aSymbolBeforeTheRunOfSureDigitsStartsTheNumber() {
        // + 4 9 4 8 3 "00" 3: a phone number whose 00 touch and read as a letter at 0.98.
        List<Glyph> glyphs = List.of(glyph(0, 16, 16), glyph(18, 17, 29), glyph(37, 17, 29), glyph(62, 17, 29),
                glyph(81, 17, 29), glyph(106, 17, 29), glyph(125, 33, 29), glyph(160, 17, 29));
        List<Classification> classes = List.of(letter(), digit(4), digit(9), digit(4), digit(8), digit(3), letter(), digit(3));
        assertTrue(ScanService.amongSureDigits(glyphs, classes, 6, LINE));
        // A letter right before the glyph leaves no run of digits for the symbol to start.
        assertFalse(ScanService.amongSureDigits(glyphs.subList(4, 8), List.of(digit(8), letter(), letter(), digit(3)), 2, LINE));
    }

    @Test
    void theLastGlyphMayBeAPercentSignAndStaysWhole() {
        // 1 9 %: every other character a sure digit, but none after the symbol.
        List<Glyph> glyphs = List.of(glyph(0, 8, 29), glyph(10, 17, 29), glyph(29, 26, 29));
        List<Classification> classes = List.of(digit(1), digit(9), letter());
        assertFalse(ScanService.amongSureDigits(glyphs, classes, 2, LINE));
    }

    @Test
    void aWordAroundItKeepsItALetter() {
        // "No" 1 2: the o is a letter too, so the N is one.
        List<Glyph> glyphs = List.of(glyph(0, 26, 29), glyph(28, 16, 20), glyph(48, 17, 29), glyph(67, 17, 29));
        List<Classification> classes = List.of(letter(), letter(), digit(1), digit(2));
        assertFalse(ScanService.amongSureDigits(glyphs, classes, 0, LINE));
    }

    @Test
    void onlyTheNumberPastTheLastMarkCounts() {
        // 2 8 . 1 0 . 2 "X" 4: the 02 of 2024 fused into a letter; an unsure 1 before the last
        // period belongs to another part of the date and does not make the glyph a letter.
        List<Glyph> glyphs = List.of(glyph(0, 17, 29), glyph(19, 17, 29), glyph(38, 6, 6), glyph(46, 8, 29),
                glyph(56, 17, 29), glyph(75, 6, 6), glyph(83, 17, 29), glyph(102, 30, 29), glyph(134, 17, 29));
        List<Classification> classes = List.of(digit(2), digit(8), letter(), unsure(1), digit(0), letter(), digit(2),
                letter(), digit(4));
        assertTrue(ScanService.amongSureDigits(glyphs, classes, 7, LINE));
        // Without the period the unsure 1 is part of the same run and keeps it a letter.
        List<Glyph> run = List.of(glyphs.get(3), glyphs.get(4), glyphs.get(6), glyphs.get(7), glyphs.get(8));
        assertFalse(ScanService.amongSureDigits(run, List.of(unsure(1), digit(0), digit(2), letter(), digit(4)), 3, LINE));
    }

    @Test
    void aSlashBetweenItAndASureDigitIsASeparatorLikeAMark() {
        // "11" / 2: the serif 11 of 11/2022 fused into a letter, then a slash read as an unsure 1.
        List<Glyph> glyphs = List.of(glyph(0, 25, 25), glyph(29, 13, 31), glyph(45, 16, 25));
        assertTrue(ScanService.sureDigitPastMark(glyphs, List.of(letter(), new Classification(1, 0.76f, 1, 0.76f), digit(2)), 0, 25));
        // A letter as wide as a digit there is no separator: "Hn2" stays a word.
        List<Glyph> word = List.of(glyph(0, 25, 25), glyph(29, 16, 25), glyph(47, 16, 25));
        assertFalse(ScanService.sureDigitPastMark(word, List.of(letter(), letter(), digit(2)), 0, 25));
    }

    @Test
    void anAmountOfFusedPairsIsItsOwnNumericContext() {
        // "99" , "50": both pairs fused in bold print at 200 DPI, read as unsure 8s.
        List<Glyph> amount = List.of(glyph(0, 39, 29), glyph(41, 6, 10), glyph(49, 40, 30));
        assertTrue(ScanService.onlyFusedAndDigits(amount, List.of(unsure(8), letter(), unsure(8)), LINE));
        // A letter among them makes it a word; a glyph the classifier firmly calls a symbol stays one.
        List<Glyph> word = List.of(glyph(0, 39, 29), glyph(41, 17, 29));
        assertFalse(ScanService.onlyFusedAndDigits(word, List.of(unsure(8), letter()), LINE));
        assertFalse(ScanService.onlyFusedAndDigits(List.of(glyph(0, 40, 29)), List.of(letter()), LINE));
    }

    @Test
    void pairsNoWiderThanTallAreFusedWhenAMarkSitsBetweenThem() {
        // 46,80 in condensed print at 200 DPI: each pair about as wide as tall, the 80 read as a letter.
        List<Glyph> amount = List.of(glyph(0, 27, 22), glyph(28, 4, 6), glyph(34, 26, 23));
        Classification fairSymbol = new Classification(DigitClasses.NOT_A_DIGIT, 0.96f, 8, 0.02f);
        assertTrue(ScanService.onlyFusedAndDigits(amount, List.of(unsure(6), letter(), fairSymbol), 23));
        // Without the mark between them the same two glyphs are a word ("mw") as much as a number.
        assertFalse(ScanService.onlyFusedAndDigits(List.of(amount.get(0), amount.get(2)), List.of(unsure(6), fairSymbol), 23));
        // A mark at the end (No.) is no separator between characters.
        assertFalse(ScanService.onlyFusedAndDigits(List.of(amount.get(0), amount.get(2), glyph(62, 4, 4)),
                List.of(unsure(6), fairSymbol, letter()), 23));
    }

    @Test
    void aPageReadingIsBetterWhenASmallerShareOfItsNumbersLooksBroken() {
        // From its ink: 105 numbers, 73 of them broken; from its faint ink 96, 50 broken.
        assertTrue(ScanService.readsBetterThan(96, 50, 105, 73));
        assertFalse(ScanService.readsBetterThan(105, 73, 96, 50));
        // Fewer broken numbers, but out of far fewer found, is no better.
        assertFalse(ScanService.readsBetterThan(40, 29, 51, 26));
        assertFalse(ScanService.readsBetterThan(0, 0, 51, 26));
    }

    private static Classification unsure(int d) {
        return new Classification(d, 0.6f, d, 0.6f);
    }
}
