package io.numscan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.numscan.TestPages;
import java.awt.Font;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A quantity of two digits fused into one glyph, alone in its table column (small, pale, blurred
 * print at 200 DPI): the classifier knows the glyph as no character, and nothing beside it says
 * it holds digits.
 */
class LoneFusedPairTest extends ShippedCnnTest {
    /**
     * "Widget" and, far to its right, {@code left} and {@code right} in a condensed face, drawn
     * overlapping by {@code overlap} px: one glyph about as wide as tall.
     */
    private static BufferedImage row(String left, String right, int overlap) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 30).deriveFont(AffineTransform.getScaleInstance(0.8, 1));
        return TestPages.draw(600, 100, g -> {
            g.setFont(font);
            g.drawString("Widget", 40, 60);
            g.drawString(left, 400, 60);
            g.drawString(right, 400 + g.getFontMetrics().stringWidth(left) - overlap, 60);
        });
    }

    @Test
    void aFusedPairAloneInItsColumnIsCutIntoItsDigits() {
        assertEquals(List.of("12"), numbersOn(row("1", "2", 2)));
        assertEquals(List.of("64"), numbersOn(row("6", "4", 2)));
        assertEquals(List.of("22"), numbersOn(row("2", "2", 4)));
        assertEquals(List.of("34"), numbersOn(row("3", "4", 4)));
    }

    @Test
    void aPercentSignAloneIsNoNumber() {
        // As wide as tall, and its halves read as a sure 9 and 6.
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 26);
        BufferedImage image = TestPages.draw(600, 100, g -> {
            g.setFont(font);
            g.drawString("Widget", 40, 60);
            g.drawString("%", 400, 60);
        });
        assertEquals(List.of(), numbersOn(image));
    }
}
