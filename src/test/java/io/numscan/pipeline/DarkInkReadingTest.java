package io.numscan.pipeline;

import static io.numscan.pipeline.ReadingFixtures.NO_LABELS;
import static io.numscan.pipeline.ReadingFixtures.digit;
import static io.numscan.pipeline.ReadingFixtures.glyph;
import static io.numscan.pipeline.ReadingFixtures.symbol;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.numscan.assemble.AssembleOptions;
import io.numscan.classify.Classification;
import io.numscan.geom.Box;
import io.numscan.layout.Token;
import io.numscan.segment.Glyph;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What makes a stretch worth reading again from the dark ink (characters run together), and
 * which dark readings may not replace the first. Sizes are those of a pale, blurred condensed
 * invoice at 200 DPI, where a digit is 13 x 23 px.
 */
class DarkInkReadingTest {
    private static final double LINE = 23;
    private static final double BASELINE = 123;
    private static final double MIN_DIGIT_HEIGHT = AssembleOptions.DEFAULT.minDigitHeight();

    private static Glyph tall(int x, int width) {
        return glyph(x, 100, width, 23);
    }

    private static boolean[] fused(List<Glyph> glyphs, List<Classification> classes) {
        Token token = new Token(Box.enclosing(glyphs.stream().map(Glyph::box).toList()), glyphs, LINE, BASELINE, -1, false);
        return ScanService.fusedGlyphs(NO_LABELS, token, classes, MIN_DIGIT_HEIGHT);
    }

    @Test
    void twoDigitsRunTogetherAreFusedALetterPairNarrowerThanTallAndASureWideDigitAreNot() {
        // 604,71 at the threshold: the 0 and the 4 one sure symbol 27 px wide.
        assertArrayEquals(new boolean[] {false, true, false, false, false}, fused(
                List.of(tall(0, 12), tall(15, 27), glyph(45, 118, 5, 6), tall(53, 12), tall(68, 11)),
                List.of(digit(6, 0.97), symbol(0.98), symbol(1), digit(7, 0.97), digit(1, 0.99))));
        // "1 of 2" run together: the "of" is 21 px wide, narrower than tall, like a single M.
        assertArrayEquals(new boolean[] {false, false, false}, fused(
                List.of(tall(0, 11), tall(14, 21), tall(38, 12)),
                List.of(digit(1, 0.99), symbol(0.99), digit(2, 1))));
        // A + run into a 4 that the classifier is sure of is read as it is.
        assertArrayEquals(new boolean[] {false, false}, fused(
                List.of(tall(0, 33), tall(36, 13)),
                List.of(digit(4, 0.97), digit(9, 0.99))));
        // A wide mark under a digit's height (a long dash) is no run of characters.
        assertArrayEquals(new boolean[] {false, false, false}, fused(
                List.of(tall(0, 13), glyph(16, 110, 30, 3), tall(49, 13)),
                List.of(digit(2, 0.99), symbol(1), digit(5, 0.99))));
    }

    @Test
    void digitsRunTogetherComeApartAsDigitsLettersBesideADigitMayNot() {
        // The 04 of 604,71 from the dark ink: a 0, a 4 and the comma between its feet.
        Box zeroFour = new Box(15, 100, 27, 23);
        assertEquals(2, ScanService.digitsCameApartInto(zeroFour, LINE, MIN_DIGIT_HEIGHT,
                List.of(tall(15, 13), glyph(29, 118, 4, 5), tall(30, 12)),
                List.of(digit(0, 0.99), symbol(1), digit(4, 0.99))));
        // "of" of "Page 2 of 2", 24 px wide: the o a short non-digit, the f an unsure 1.
        Box of = new Box(99, 100, 24, 22);
        assertEquals(-1, ScanService.digitsCameApartInto(of, LINE, MIN_DIGIT_HEIGHT,
                List.of(glyph(100, 106, 15, 16), glyph(117, 101, 6, 21)),
                List.of(symbol(1), digit(1, 0.83))));
        // A word comes apart as letters only: no digit found there.
        Box order = new Box(0, 100, 61, 23);
        assertEquals(0, ScanService.digitsCameApartInto(order, LINE, MIN_DIGIT_HEIGHT,
                List.of(tall(0, 16), glyph(18, 106, 9, 17), tall(29, 15), glyph(46, 106, 14, 17)),
                List.of(symbol(0.99), symbol(1), symbol(0.98), symbol(0.97))));
        // Characters outside the run do not count: the 6 before the 04 and a letter after it.
        assertEquals(2, ScanService.digitsCameApartInto(zeroFour, LINE, MIN_DIGIT_HEIGHT,
                List.of(tall(0, 12), tall(15, 13), tall(30, 12), tall(46, 14)),
                List.of(digit(6, 0.97), digit(0, 0.99), digit(4, 0.99), symbol(1))));
    }
}
