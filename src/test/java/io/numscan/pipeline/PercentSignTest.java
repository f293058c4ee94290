package io.numscan.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.TestPages;
import io.numscan.geom.Box;
import io.numscan.segment.Glyph;
import io.numscan.segment.LabelImage;
import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
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
}
