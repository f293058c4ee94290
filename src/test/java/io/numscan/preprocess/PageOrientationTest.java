package io.numscan.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.numscan.TestPages;
import io.numscan.geom.Box;
import io.numscan.geom.GrayImage;
import java.awt.image.BufferedImage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PageOrientationTest {
    private static final String[] LINES = {
        "Invoice number 2024-00173, dated 03/11/2025",
        "Please pay the amount below within thirty days",
        "Delivery of goods as agreed by telephone",
        "Quantity 12, unit price 45.00, total 540.00",
        "Thank you for your business and kind regards",
        "Bank transfer only; quote the invoice number",
    };

    /** A page of print, as a letter of body text at 300 DPI, turned {@code quarterTurns} times clockwise. */
    static BufferedImage letter(int quarterTurns, String... lines) {
        BufferedImage upright = TestPages.draw(1700, 1200, g -> {
            g.setFont(TestPages.sans(42));
            for (int i = 0; i < lines.length; i++) {
                g.drawString(lines[i], 100, 150 + i * 150);
            }
        });
        return TestPages.turned(upright, quarterTurns);
    }

    private static int turnsFor(BufferedImage image) {
        try (Mat gray = Preprocessor.toMat(GrayImage.fromBufferedImage(image))) {
            return PageOrientation.quarterTurnsToUpright(gray, 300);
        }
    }

    @ParameterizedTest(name = "a page turned {0} times clockwise needs {0} more to stand upright again")
    @ValueSource(ints = {0, 1, 2, 3})
    void findsHowAPageOfPrintLies(int turnedBy) {
        assertEquals((4 - turnedBy) % 4, turnsFor(letter(turnedBy, LINES)));
    }

    @Test
    void aPageOfDigitsAloneSaysNothingOfUpAndDownAndIsLeftAsItIs() {
        // Digits stand on one line and reach one height: turned over they look the same, so
        // no evidence is no turn (the reading then is what it was without this test).
        String[] amounts = {"1234.56 78.90 12.50", "2024 00173 4567", "331 9045 11.20", "45.00 540.00 8", "1290 3310 77"};
        assertEquals(0, turnsFor(letter(0, amounts)));
        assertEquals(0, turnsFor(letter(2, amounts)));
    }

    @Test
    void aBlankPageIsUpright() {
        assertEquals(0, turnsFor(TestPages.draw(800, 1000, g -> { })));
    }

    @ParameterizedTest(name = "a box on a page turned {0} times maps back onto the page given")
    @ValueSource(ints = {0, 1, 2, 3})
    void quarterTurnsAreUndoneExactly(int turns) {
        int w = 300;
        int h = 200;
        Box onPage = new Box(40, 30, 50, 20);
        // Where the box lies once the page is turned clockwise (OpenCV's rotate).
        Box turned = switch (turns) {
            case 0 -> onPage;
            case 1 -> new Box(h - onPage.bottom(), onPage.x(), onPage.height(), onPage.width());
            case 2 -> new Box(w - onPage.right(), h - onPage.bottom(), onPage.width(), onPage.height());
            default -> new Box(onPage.y(), w - onPage.right(), onPage.height(), onPage.width());
        };
        PageTransform back = PageTransform.identity(turns % 2 == 0 ? w : h, turns % 2 == 0 ? h : w)
                .followedBy(PageTransform.undoQuarterTurns(turns, w, h));
        assertEquals(onPage, back.toPage(turned));
    }

    @Test
    void aFewGlyphsOffTheirLineDoNotTurnAPageOver() {
        // The sparse last page of an invoice: 8 glyphs off their line's bottom, 3 off its top.
        assertEquals(false, PageOrientation.isUpsideDown(3, 8));
        assertEquals(true, PageOrientation.isUpsideDown(3, 22));
        assertEquals(false, PageOrientation.isUpsideDown(0, 9));
        assertEquals(0.5, PageOrientation.chanceOfAtLeast(1, 1), 1e-12);
        assertEquals(232 / 2048.0, PageOrientation.chanceOfAtLeast(8, 11), 1e-12);
    }

    @Test
    void theRotationReportedHoldsTheQuarterTurns() {
        assertEquals(0.5, Preprocessor.straightening(0, 0.5), 1e-12);
        assertEquals(-89.5, Preprocessor.straightening(1, 0.5), 1e-12);
        assertEquals(179.7, Preprocessor.straightening(2, -0.3), 1e-9);
        assertEquals(180.0, Preprocessor.straightening(2, 0), 1e-12);
        assertEquals(90.0, Preprocessor.straightening(3, 0), 1e-12);
    }
}
