package io.numscan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.numscan.TestPages;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A currency sign run into the digits after it is cut off them, and the digits apart. */
class TouchingSymbolTest extends ShippedCnnTest {
    /** {@code text} with its first {@code touching} characters joined by a bar at mid-height, as a blurred scan runs them together. */
    private static BufferedImage runTogether(String text, int touching) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 36);
        return TestPages.draw(600, 120, g -> {
            g.setFont(font);
            int x = 40;
            int baseline = 80;
            g.drawString(text, x, baseline);
            java.awt.FontMetrics m = g.getFontMetrics();
            int middle = baseline - m.getAscent() / 3;
            for (int i = 1; i < touching; i++) {
                int joint = x + m.stringWidth(text.substring(0, i));
                g.fillRect(joint - 4, middle - 2, 8, 4);
            }
        });
    }

    @Test
    void aDollarSignRunIntoTwoDigits() {
        assertEquals(List.of("409,598.97"), numbersOn(runTogether("$409,598.97", 3)));
    }
}
