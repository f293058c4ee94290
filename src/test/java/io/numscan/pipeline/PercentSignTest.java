package io.numscan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.TestPages;
import io.numscan.classify.Classification;
import io.numscan.classify.TouchingDigitSplitter;
import io.numscan.geom.Box;
import io.numscan.segment.Glyph;
import io.numscan.segment.LabelImage;
import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentSignTest {
    private static LabelImage labels(BufferedImage image) {
        return TestPages.segmented(image).labels();
    }

    @Test
    void aBarWithOneRingAndTheOtherRingUnderItIsAPercentSignNotTwoDigits() {
        // A serif italic % at 300 DPI, 60 px tall: upper ring joined to the bar, lower ring apart.
        LabelImage labels = labels(TestPages.draw(200, 140, g -> {
            g.setStroke(new BasicStroke(5));
            g.drawOval(32, 22, 18, 22);
            g.drawLine(74, 20, 40, 80);
            g.drawLine(50, 33, 74, 20);
            g.drawOval(60, 54, 18, 24);
        }));
        int bar = labels.get(42, 78);
        int ring = labels.get(61, 66);
        assertNotEquals(0, bar);
        assertNotEquals(0, ring);
        assertNotEquals(bar, ring, "two pieces");
        Glyph percent = new Glyph(new Box(28, 17, 54, 66), new int[] {bar, ring}, 0);
        assertTrue(io.numscan.assemble.NumberAssembler.isPercentSign(labels, percent, 62));
    }

    @Test
    void twoDigitsStackedByASegmentationSlipAreNot() {
        // A 1 with a small 0 beside its foot: the 0 is no ring of a % (nothing sticks out past the bar).
        LabelImage labels = labels(TestPages.draw(200, 140, g -> {
            g.fillRect(40, 20, 8, 60);
            g.setStroke(new BasicStroke(4));
            g.drawOval(26, 56, 12, 22);
        }));
        int one = labels.get(44, 30);
        int zero = labels.get(27, 66);
        assertNotEquals(0, one);
        assertNotEquals(0, zero);
        Glyph pair = new Glyph(new Box(24, 20, 24, 62), new int[] {one, zero}, 0);
        assertFalse(io.numscan.assemble.NumberAssembler.isPercentSign(labels, pair, 62));
    }

    @Test
    void theUpperRingAndABitOfBarAreNoDigitBesideTheRestOfTheSign() {
        // A fax broke a % into three: the upper ring, the lower half of the bar, and the upper
        // half of the bar still joined to the lower ring.
        LabelImage labels = labels(TestPages.draw(200, 140, g -> {
            g.setStroke(new BasicStroke(4));
            g.drawOval(30, 20, 14, 18);
            g.drawLine(36, 80, 52, 52);
            g.drawLine(58, 44, 72, 20);
            g.drawLine(62, 56, 58, 44);
            g.drawOval(58, 58, 14, 18);
        }));
        Glyph ring = piece(labels, 30, 29);
        Glyph bar = piece(labels, 40, 73);
        Glyph rest = piece(labels, 70, 24);
        java.util.List<Glyph> glyphs = java.util.List.of(ring, bar, rest);
        java.util.List<io.numscan.classify.Classification> unsure = java.util.Collections.nCopies(3,
                new io.numscan.classify.Classification(io.numscan.classify.DigitClasses.NOT_A_DIGIT, 0.9f, 9, 0.1f));
        assertTrue(DigitPieces.partOfAPercentSign(labels, glyphs, unsure, 0, 2));
        // The same two pieces beside a sure digit are not measured against it.
        java.util.List<io.numscan.classify.Classification> besideADigit = java.util.List.of(unsure.get(0), unsure.get(1),
                new io.numscan.classify.Classification(6, 0.99f, 6, 0.99f));
        assertFalse(DigitPieces.partOfAPercentSign(labels, glyphs, besideADigit, 0, 2));
    }

    @Test
    void theArcAndRingOfABrokenSixBesideAZeroAreNoPercentSign() {
        LabelImage labels = labels(TestPages.draw(200, 140, g -> {
            g.setStroke(new BasicStroke(4));
            g.drawArc(30, 20, 30, 60, 90, 130);
            g.drawOval(42, 50, 20, 28);
            g.drawOval(74, 20, 24, 58);
        }));
        Glyph arc = piece(labels, 30, 50);
        Glyph bowl = piece(labels, 62, 64);
        Glyph zero = piece(labels, 74, 49);
        java.util.List<io.numscan.classify.Classification> unsure = java.util.Collections.nCopies(3,
                new io.numscan.classify.Classification(io.numscan.classify.DigitClasses.NOT_A_DIGIT, 0.9f, 0, 0.1f));
        assertFalse(DigitPieces.partOfAPercentSign(labels, java.util.List.of(arc, bowl, zero), unsure, 0, 2));
    }

    /** The connected component under (x, y) as a glyph. */
    private static Glyph piece(LabelImage labels, int x, int y) {
        int label = labels.get(x, y);
        assertNotEquals(0, label, "ink at " + x + "," + y);
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        int ink = 0;
        for (int yy = 0; yy < labels.height(); yy++) {
            for (int xx = 0; xx < labels.width(); xx++) {
                if (labels.get(xx, yy) == label) {
                    minX = Math.min(minX, xx);
                    minY = Math.min(minY, yy);
                    maxX = Math.max(maxX, xx);
                    maxY = Math.max(maxY, yy);
                    ink++;
                }
            }
        }
        return new Glyph(new Box(minX, minY, maxX - minX + 1, maxY - minY + 1), new int[] {label}, ink);
    }

    private static final int TOP = 20;
    private static final int HEIGHT = 52;
    private static final Glyph ONE = new Glyph(new Box(20, TOP, 8, HEIGHT), new int[0], 0);

    /** A 9, 20 px wide, run into a % {@code width} px wide after it: its page and the fused glyph. */
    private record NineAndPercent(LabelImage labels, Glyph fused) {
        static NineAndPercent drawn(int width) {
            int right = 62 + width;
            LabelImage labels = PercentSignTest.labels(TestPages.draw(200, 100, g -> {
                g.fillRect(40, TOP, 20, HEIGHT);
                g.setStroke(new BasicStroke(3));
                g.drawOval(62, TOP + 1, 12, 16);
                g.drawOval(right - 15, TOP + HEIGHT - 18, 12, 16);
                g.setStroke(new BasicStroke(5));
                g.drawLine(64, TOP + HEIGHT - 2, right - 3, TOP + 2);
            }));
            int[] pieces = {labels.get(45, TOP + 10), labels.get(62, TOP + 9), labels.get(right - 3, TOP + HEIGHT - 10),
                    labels.get(62 + width / 2, TOP + HEIGHT / 2)};
            for (int piece : pieces) {
                assertNotEquals(0, piece);
            }
            return new NineAndPercent(labels, new Glyph(new Box(40, TOP, right - 40, HEIGHT),
                    java.util.stream.IntStream.of(pieces).distinct().toArray(), 0));
        }

        /** The splitter's cut into 9, 9 and 6, the second part starting at the % and ending {@code at} px into it. */
        TouchingDigitSplitter.Split cutInThree(int at) {
            return new TouchingDigitSplitter.Split(List.of(fused.cropColumns(40, 60, 0), fused.cropColumns(62, 62 + at, 0),
                    fused.cropColumns(62 + at, fused.box().right(), 0)), List.of(sure(9), sure(9), sure(6)));
        }

        TouchingDigitSplitter.Split mended(TouchingDigitSplitter.Split cut) {
            return ScanService.withPercentSignWhole(labels, fused, cut, List.of(ONE, fused), List.of(sure(1), sure(9)), HEIGHT);
        }
    }

    @Test
    void aPercentSignCutIntoANineAndASixIsPutBackTogether() {
        // 19% at 200 DPI: the 9 ran into the %, and the splitter cut the whole into 9, 9 and 6.
        // The first 9 is 20 px wide; the % it left is 37, nearly two such digits.
        NineAndPercent narrow = NineAndPercent.drawn(37);
        TouchingDigitSplitter.Split mended = narrow.mended(narrow.cutInThree(16));
        assertEquals(2, mended.parts().size(), "9 and %");
        assertEquals(9, mended.classes().get(0).label());
        assertFalse(mended.classes().get(1).isDigit());
        assertEquals(new Box(62, TOP, 37, HEIGHT), mended.parts().get(1).box());

        // Two digits' width of the same shape is a touching 9 and 6, and stays cut.
        NineAndPercent wide = NineAndPercent.drawn(43);
        assertEquals(3, wide.mended(wide.cutInThree(20)).parts().size());
    }

    private static Classification sure(int digit) {
        return new Classification(digit, 0.999f, digit, 0.999f);
    }
}
