package io.numscan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.numscan.TestPages;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A date whose slash ran into the digit before it keeps its slash. */
class FusedSlashTest extends ShippedCnnTest {
    /** "03/2021" with the slash drawn so far left that it runs into the 3, as blur or tight print leaves it. */
    private static BufferedImage date(int slashShift) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 40);
        return TestPages.draw(500, 140, g -> {
            g.setFont(font);
            java.awt.FontMetrics m = g.getFontMetrics();
            int x = 40;
            g.drawString("03", x, 90);
            x += m.stringWidth("03");
            int slashWidth = m.charWidth('/');
            g.setStroke(new BasicStroke(3.5f));
            g.drawLine(x - slashShift, 92, x - slashShift + slashWidth, 60);
            g.drawString("2021", x + slashWidth + 2, 90);
        });
    }

    @Test
    void aSlashRunIntoTheDigitBeforeItIsCutOffAndKeptAsASlash() {
        assertEquals(List.of("03/2021"), numbersOn(date(0)), "apart");
        assertEquals(List.of("03/2021"), numbersOn(date(6)), "run into the 3");
    }
}
