package io.numscan.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.classify.Classification;
import io.numscan.classify.TouchingDigitSplitter;
import io.numscan.geom.Box;
import io.numscan.segment.Glyph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A glyph is cut into digits only when it is as wide as they would be beside the token's sure digits. */
class SplitWidthTest {
    private static final double LINE = 25;

    private static Glyph glyph(int x, int width) {
        return new Glyph(new Box(x, 0, width, 25), new int[] {x}, width * 8);
    }

    private static Classification sure(int digit) {
        return new Classification(digit, 0.99f, digit, 0.99f);
    }

    private static TouchingDigitSplitter.Split halves(Glyph whole, int first, int second) {
        int half = whole.box().width() / 2;
        return new TouchingDigitSplitter.Split(List.of(glyph(whole.box().x(), half), glyph(whole.box().x() + half, half)),
                List.of(sure(first), sure(second)));
    }

    @Test
    void aPercentSignIsTooNarrowForTheNineAndSixItsHalvesReadAs() {
        // 1 9 %: the % is 29 px wide beside a 9 of 18.
        Glyph percent = glyph(36, 29);
        List<Glyph> glyphs = List.of(glyph(0, 15), glyph(17, 18), percent);
        List<Classification> classes = List.of(sure(1), sure(9), sure(9));
        assertFalse(ScanService.wideEnoughFor(halves(percent, 9, 6), percent, glyphs, classes, LINE));
    }

    @Test
    void twoTouchingDigitsAreWideEnough() {
        // 2 5 , "96" fused: 36 px beside digits of 18 and 19.
        Glyph fused = glyph(50, 36);
        List<Glyph> glyphs = List.of(glyph(0, 18), glyph(20, 19), glyph(41, 5), fused);
        List<Classification> classes = List.of(sure(2), sure(5), new Classification(10, 1f, 0, 0f), sure(9));
        assertTrue(ScanService.wideEnoughFor(halves(fused, 9, 6), fused, glyphs, classes, LINE));
    }

    @Test
    void twoSureDigitsOtherThanNineAndSixMayBeANarrowerPair() {
        // "79" fused in pale condensed print, before ,70: 25 px beside a 7 of 11 and a 0 of 14.
        Glyph fused = glyph(0, 25);
        List<Glyph> glyphs = List.of(fused, glyph(27, 4), glyph(34, 11), glyph(45, 14));
        List<Classification> classes = List.of(new Classification(10, 0.97f, 7, 0.02f), new Classification(10, 1f, 0, 0f),
                sure(7), sure(0));
        assertTrue(ScanService.wideEnoughFor(halves(fused, 7, 9), fused, glyphs, classes, LINE));
        // Read as 9 and 6, the same width is a %'s.
        assertFalse(ScanService.wideEnoughFor(halves(fused, 9, 6), fused, glyphs, classes, LINE));
    }

    @Test
    void aOneNeedsLittleWidthAndATouchingPairWiderThanADigitIsNoYardstick() {
        // "11" fused in serif print: two narrow 1s. The 44 beside it, read as one sure 4, is two
        // digits wide and would make every digit look narrow next to it.
        Glyph ones = glyph(0, 24);
        List<Glyph> glyphs = List.of(ones, glyph(26, 18), glyph(46, 37));
        List<Classification> classes = List.of(new Classification(10, 0.9f, 1, 0.05f), sure(2), sure(4));
        assertTrue(ScanService.wideEnoughFor(halves(ones, 1, 1), ones, glyphs, classes, LINE));
    }
}
