package io.numscan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.numscan.TestPages;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hyphen a coarse scan ran into a digit beside it is taken off before the digits are cut apart. */
class FusedHyphenTest extends ShippedCnnTest {
    /** {@code before}-{@code after}, the hyphen drawn on into the first digit after it, or into the last before it. */
    private static BufferedImage hyphenRunInto(String before, String after, boolean intoTheDigitAfter) {
        return hyphenRunInto(before, after, intoTheDigitAfter, 1, 0);
    }

    /**
     * The same in a face {@code widthScale} times as wide, the hyphen's bar reaching
     * {@code thickerBelow} pixels further down.
     */
    private static BufferedImage hyphenRunInto(String before, String after, boolean intoTheDigitAfter, double widthScale,
            int thickerBelow) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 28).deriveFont(java.awt.geom.AffineTransform.getScaleInstance(widthScale, 1));
        return TestPages.draw(600, 120, g -> {
            g.setFont(font);
            int x = 40;
            int baseline = 80;
            String text = before + "-" + after;
            g.drawString(text, x, baseline);
            java.awt.FontMetrics m = g.getFontMetrics();
            Rectangle2D bar = font.createGlyphVector(g.getFontRenderContext(), "-").getVisualBounds();
            int hyphenLeft = x + m.stringWidth(before) + (int) Math.floor(bar.getX());
            int hyphenRight = hyphenLeft + (int) Math.ceil(bar.getWidth());
            int top = baseline + (int) Math.floor(bar.getY());
            int height = (int) Math.ceil(bar.getHeight()) + thickerBelow;
            if (intoTheDigitAfter) {
                int digitLeft = x + m.stringWidth(before + "-");
                g.fillRect(hyphenLeft, top, digitLeft + 3 - hyphenLeft, height);
            } else {
                int digitRight = x + m.stringWidth(before) - 3;
                g.fillRect(digitRight, top, hyphenRight - digitRight, height);
            }
        });
    }

    @Test
    void aHyphenRunIntoTheDigitAfterIt() {
        assertEquals(List.of("2025-06836"), numbersOn(hyphenRunInto("2025", "06836", true)));
    }

    @Test
    void aHyphenRunIntoTheDigitBeforeIt() {
        assertEquals(List.of("2025-99181"), numbersOn(hyphenRunInto("2025", "99181", false)));
    }

    @Test
    void aHyphenRunIntoADigitOfCondensedPrint() {
        // 5- together is then narrower than tall, no candidate for cutting into digits, and read
        // whole as a sure 5: the 2025-10584 of a 300-DPI scan read as 202510584.
        assertEquals(List.of("2025-10584"), numbersOn(hyphenRunInto("2025", "10584", false, 0.7, 0)));
    }

    @Test
    void aLowThickHyphenRunIntoTheDigitBeforeIt() {
        // Pale, blurred print thresholded bold: the bar of 2025-39640 at 200 DPI reached down to
        // 0.71 of its 5's height, and the page read 202 and 39640.
        assertEquals(List.of("2025-39640"), numbersOn(hyphenRunInto("2025", "39640", false, 1, 2)));
    }
}
