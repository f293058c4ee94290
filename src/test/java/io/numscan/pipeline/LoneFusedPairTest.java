package io.numscan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.numscan.TestPages;
import java.awt.Font;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two digits fused into one glyph (small, pale, blurred print at 200 DPI) that the classifier
 * knows as no character: a quantity alone in its table column, where nothing beside it says it
 * holds digits, or the end of a number, where only the digit before it does.
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

    /** "Mill Lane " and {@code lead}, then the two characters of {@code pair} drawn overlapping by {@code overlap} px, bold and condensed. */
    private static BufferedImage trailing(String lead, String pair, int overlap) {
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 30).deriveFont(AffineTransform.getScaleInstance(0.8, 1));
        return TestPages.draw(600, 100, g -> {
            g.setFont(font);
            String text = "Mill Lane " + lead;
            g.drawString(text, 40, 60);
            int x = 40 + g.getFontMetrics().stringWidth(text);
            g.drawString(pair.substring(0, 1), x, 60);
            g.drawString(pair.substring(1), x + g.getFontMetrics().stringWidth(pair.substring(0, 1)) - overlap, 60);
        });
    }

    @Test
    void aFusedPairEndingANumberIsCutIntoItsDigits() {
        // The classifier firmly calls such a 00 or 09 no character, and no sure digit after it
        // speaks for it: only the 1 before it does.
        for (int overlap : new int[] {4, 5}) {
            assertEquals(List.of("100"), numbersOn(trailing("1", "00", overlap)));
            assertEquals(List.of("300"), numbersOn(trailing("3", "00", overlap)));
            assertEquals(List.of("109"), numbersOn(trailing("1", "09", overlap)));
            assertEquals(List.of("408"), numbersOn(trailing("4", "08", overlap)));
        }
        // A capital as wide right after a digit is now cut and read too, and stays no digits.
        assertEquals(List.of("2"), numbersOn(trailing("2", "M", 0)));
        assertEquals(List.of("5"), numbersOn(trailing("5", "W", 0)));
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
