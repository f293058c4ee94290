package io.numscan.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.TestPages;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DottedLetterTest {
    /** Whether the one glyph {@code draw} makes (pieces stacked in one cell are one glyph) is an i or a j. */
    private static boolean dotted(Consumer<Graphics2D> draw) {
        SegmentedPage page = TestPages.segmented(TestPages.draw(300, 300, draw));
        assertEquals(1, page.glyphs().size(), "one glyph");
        return DottedLetter.isDottedLetter(page.labels(), page.glyphs().get(0));
    }

    @Test
    void aDotOverAStemIsAnIWithASlabSerifFootToo() {
        assertTrue(dotted(g -> {
            g.fillOval(100, 50, 9, 9);
            g.fillRect(100, 66, 9, 50);
        }));
        // A monospaced i: the foot as wide as a digit, the dot a third of it.
        assertTrue(dotted(g -> {
            g.fillOval(104, 50, 10, 10);
            g.fillRect(96, 68, 18, 6);
            g.fillRect(104, 68, 10, 46);
            g.fillRect(92, 110, 34, 6);
        }));
    }

    @Test
    void digitsTornInTwoAreNot() {
        // A 5 whose flat top bar came off.
        assertFalse(dotted(g -> {
            g.fillRect(100, 50, 30, 7);
            g.setStroke(new BasicStroke(7));
            g.drawLine(103, 62, 103, 80);
            g.drawArc(96, 76, 40, 40, 120, -270);
        }));
        // A 9 torn at its waist: the loop is far taller than a dot.
        assertFalse(dotted(g -> {
            g.setStroke(new BasicStroke(6));
            g.drawOval(100, 50, 30, 30);
            g.fillRect(118, 87, 8, 20);
        }));
    }

    @Test
    void aFourWithItsTipCutOffLooksLikeASlabSerifI() {
        // Geometry alone cannot tell them apart, which is why the pipeline only overrides a
        // reading the classifier is unsure of (a serif i read as a 2 at 0.52).
        assertTrue(dotted(g -> {
            g.fillRect(120, 50, 7, 8);
            g.fillRect(120, 64, 7, 52);
            g.fillRect(96, 96, 40, 7);
            g.setStroke(new BasicStroke(7));
            g.drawLine(98, 96, 120, 64);
        }));
    }

    @Test
    void aWholeGlyphIsNot() {
        assertFalse(dotted(g -> g.fillRect(100, 50, 9, 66)));
    }
}
