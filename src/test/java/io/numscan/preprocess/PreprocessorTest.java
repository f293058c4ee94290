package io.numscan.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.TestPages;
import io.numscan.geom.Box;
import io.numscan.geom.GrayImage;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PreprocessorTest {
    private final Preprocessor preprocessor = new Preprocessor(PreprocessOptions.DEFAULT);

    private static BufferedImage textPage(double rotateDegrees) {
        return TestPages.draw(1200, 900, g -> {
            g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(rotateDegrees), 600, 450));
            g.setFont(TestPages.sans(32));
            for (int i = 0; i < 14; i++) {
                g.drawString("Invoice 2024-00173 total 1,234.56 due 03/11/2025", 80, 120 + i * 50);
            }
        });
    }

    @Test
    void findsAndUndoesASmallRotation() {
        // Java2D rotates clockwise for a positive angle on screen; straightening it is counter-clockwise.
        PreparedPage prepared = preprocessor.prepare(TestPages.page(textPage(2.0)));
        assertEquals(2.0, prepared.deskewDegrees(), 0.2);
        PreparedPage straight = preprocessor.prepare(TestPages.page(textPage(0)));
        assertEquals(0.0, straight.deskewDegrees(), 0.0);
    }

    @Test
    void binarizesUnderUnevenLight() {
        BufferedImage page = TestPages.draw(400, 200, g -> {
            for (int x = 0; x < 400; x++) {
                int shade = 255 - x * 120 / 400;
                g.setColor(new java.awt.Color(shade, shade, shade));
                g.drawLine(x, 0, x, 200);
            }
            g.setColor(new java.awt.Color(60, 60, 60));
            g.fillRect(40, 80, 10, 40);
            g.fillRect(340, 80, 10, 40);
        });
        GrayImage ink = new Preprocessor(new PreprocessOptions(false, 0, false)).prepare(TestPages.page(page)).ink();
        assertEquals(255, ink.get(45, 100), "stroke on the bright side");
        assertEquals(255, ink.get(345, 100), "stroke on the dark side");
        assertEquals(0, ink.get(300, 30), "dark paper is still paper");
        assertEquals(0, ink.get(20, 30));
    }

    /** A 400 x 200 page drawn by {@code painter}, softened by a 3 x 3 box blur as a scanner would, prepared without deskew. */
    private static PreparedPage scannedSoftly(java.util.function.Consumer<java.awt.Graphics2D> painter) {
        float ninth = 1f / 9;
        BufferedImage scanned = new java.awt.image.ConvolveOp(new java.awt.image.Kernel(3, 3, new float[] {
            ninth, ninth, ninth, ninth, ninth, ninth, ninth, ninth, ninth}), java.awt.image.ConvolveOp.EDGE_NO_OP, null)
                .filter(TestPages.draw(400, 200, painter), null);
        return new Preprocessor(new PreprocessOptions(false, 0, false)).prepare(TestPages.page(scanned));
    }

    /** Eight pairs of dark stems, 8 x 60 px, the second of each {@code offset} px right of the first. */
    private static void stemPairs(java.awt.Graphics2D g, int offset) {
        g.setColor(new java.awt.Color(40, 40, 40));
        for (int x = 40; x < 360; x += 40) {
            g.fillRect(x, 60, 8, 60);
            g.fillRect(x + offset, 60, 8, 60);
        }
    }

    @Test
    void faintInkKeepsTheHairlineTheThresholdLosesAndAllTheInk() {
        // Two stems of a light serif 0 and the hairline that joins them, blurred to a light grey.
        PreparedPage prepared = scannedSoftly(g -> {
            stemPairs(g, 22);
            g.setColor(new java.awt.Color(150, 150, 150));
            g.fillRect(48, 60, 14, 2);
        });
        GrayImage ink = prepared.ink();
        GrayImage faint = prepared.faintInk();
        assertEquals(0, ink.get(55, 60), "the threshold loses the hairline");
        assertEquals(255, faint.get(55, 60), "faint ink keeps it");
        assertEquals(0, faint.get(55, 150), "paper is not faint ink");
        for (int y = 0; y < ink.height(); y++) {
            for (int x = 0; x < ink.width(); x++) {
                if (ink.get(x, y) != 0) {
                    assertEquals(255, faint.get(x, y), "ink at " + x + "," + y + " is faint ink too");
                }
            }
        }
    }

    @Test
    void darkInkKeepsApartWhatBlurRanTogetherAndIsAllInk() {
        // Pairs of digits' stems with the blur between them (a condensed face, scanned soft) a
        // mid grey: darker than the page's threshold, lighter than their cores.
        PreparedPage prepared = scannedSoftly(g -> {
            stemPairs(g, 12);
            g.setColor(new java.awt.Color(148, 148, 148));
            for (int x = 40; x < 360; x += 40) {
                g.fillRect(x + 8, 70, 4, 40);
            }
        });
        GrayImage ink = prepared.ink();
        GrayImage dark = prepared.darkInk();
        assertEquals(255, ink.get(50, 90), "the threshold runs the stems together");
        assertEquals(0, dark.get(50, 90), "dark ink keeps them apart");
        assertEquals(255, dark.get(44, 90), "a stem's core is dark ink");
        assertEquals(255, dark.get(56, 90));
        for (int y = 0; y < ink.height(); y++) {
            for (int x = 0; x < ink.width(); x++) {
                if (dark.get(x, y) != 0) {
                    assertEquals(255, ink.get(x, y), "dark ink at " + x + "," + y + " is ink too");
                }
            }
        }
    }

    @Test
    void lightTextOnADarkBandIsInkAndTheBandIsNot() {
        BufferedImage page = TestPages.draw(1200, 600, g -> {
            g.setColor(new java.awt.Color(50, 50, 50));
            g.fillRect(100, 100, 1000, 150);
            g.setColor(java.awt.Color.WHITE);
            g.setFont(TestPages.sans(60));
            g.drawString("Invoice 2024-00173", 150, 200);
            g.setColor(java.awt.Color.BLACK);
            g.drawString("Total 1,234.56", 150, 450);
        });
        GrayImage ink = new Preprocessor(new PreprocessOptions(false, 0, false)).prepare(TestPages.page(page)).ink();
        int bandInk = 0;
        int bandPixels = 0;
        int textInk = 0;
        for (int y = 120; y < 230; y++) {
            for (int x = 120; x < 1080; x++) {
                bandPixels++;
                bandInk += ink.get(x, y) != 0 ? 1 : 0;
            }
        }
        for (int y = 390; y < 460; y++) {
            for (int x = 150; x < 600; x++) {
                textInk += ink.get(x, y) != 0 ? 1 : 0;
            }
        }
        double bandShare = bandInk / (double) bandPixels;
        // White letters cover a few per cent of the band; the band itself must not be ink.
        assertTrue(bandShare > 0.02 && bandShare < 0.25, "ink share inside the band " + bandShare);
        assertEquals(0, ink.get(130, 240), "the band's own grey is not ink");
        assertTrue(textInk > 1000, "dark text on paper stays ink: " + textInk);
    }

    @Test
    void aFaintHairlineInADarkBandStaysInk() {
        // A band of grey 60 and a hairline of grey 145 (a light serif's thin stroke, blurred into
        // the band): about 44 % of the way to white, so it is ink, and the band's grain is not.
        BufferedImage page = TestPages.draw(1200, 600, g -> {
            g.setColor(new java.awt.Color(60, 60, 60));
            g.fillRect(100, 100, 1000, 200);
            g.setColor(java.awt.Color.WHITE);
            g.setFont(TestPages.sans(60));
            g.drawString("Invoice", 150, 200);
            g.setColor(new java.awt.Color(145, 145, 145));
            g.fillRect(600, 150, 60, 3);
            g.setColor(new java.awt.Color(80, 80, 80));
            g.fillRect(800, 150, 60, 3);
        });
        GrayImage ink = new Preprocessor(new PreprocessOptions(false, 0, false)).prepare(TestPages.page(page)).ink();
        assertEquals(255, ink.get(630, 151), "the faint hairline");
        assertEquals(0, ink.get(830, 151), "grain a little lighter than the band");
        assertEquals(0, ink.get(630, 250), "the band itself");
    }

    @Test
    void removesRuledLinesButKeepsTheDigitsInTheCells() {
        BufferedImage page = TestPages.draw(900, 400, g -> {
            for (int y = 50; y <= 350; y += 100) {
                g.drawLine(50, y, 850, y);
            }
            for (int x = 50; x <= 850; x += 400) {
                g.drawLine(x, 50, x, 350);
            }
            g.setFont(TestPages.sans(40));
            g.drawString("1234", 100, 115);
        });
        PreparedPage prepared = preprocessor.prepare(TestPages.page(page));
        GrayImage ink = prepared.ink();
        int lineInk = 0;
        for (int x = 60; x < 840; x++) {
            lineInk += ink.get(x, 150) > 0 ? 1 : 0;
        }
        assertEquals(0, lineInk, "horizontal rule removed");
        int digitInk = 0;
        for (int y = 70; y < 120; y++) {
            for (int x = 95; x < 200; x++) {
                digitInk += ink.get(x, y) > 0 ? 1 : 0;
            }
        }
        assertTrue(digitInk > 300, "digits kept: " + digitInk);
        assertEquals(6, prepared.cells().size(), "2 columns x 3 rows: " + prepared.cells());
        Box first = prepared.cells().stream().filter(c -> c.contains(120, 100)).findFirst().orElseThrow();
        assertTrue(first.width() > 380 && first.height() > 90, first.toString());
    }

    @Test
    void aCoarseScanIsWorkedOnEnlargedAndReportedInItsOwnPixels() {
        assertEquals(1.5, Preprocessor.upscaleFactor(200, 1700, 2200), 1e-9);
        assertEquals(1.0, Preprocessor.upscaleFactor(300, 2550, 3300), 1e-9);
        assertEquals(1.0, Preprocessor.upscaleFactor(72, 600, 800), 1e-9, "an implausible resolution is taken as it is");
        assertEquals(1.0, Preprocessor.upscaleFactor(200, 20000, 20000), 1e-9, "too large once enlarged");

        BufferedImage image = TestPages.draw(400, 200, g -> g.fillRect(100, 60, 40, 80));
        io.numscan.ingest.PageImage page = new io.numscan.ingest.PageImage("scan.png", 1, 200, GrayImage.fromBufferedImage(image));
        PreparedPage prepared = new Preprocessor(new PreprocessOptions(false, 0, true)).prepare(page);
        assertEquals(600, prepared.width());
        assertEquals(300, prepared.height());
        Box onPage = prepared.toPage().toPage(new Box(150, 90, 60, 120));
        assertEquals(new Box(100, 60, 40, 80), onPage);
    }

    /** Pairs of dark bars two pixels apart, blurred the way a 200-DPI scanner blurs a digit's neighbour. */
    private static GrayImage blurredPairs(boolean bilevel) {
        BufferedImage image = TestPages.draw(400, 200, g -> {
            g.setColor(java.awt.Color.BLACK);
            for (int x = 30; x < 360; x += 60) {
                g.fillRect(x, 70, 9, 50);
                g.fillRect(x + 11, 70, 9, 50);
            }
        });
        GrayImage sharp = GrayImage.fromBufferedImage(image);
        if (bilevel) {
            return sharp;
        }
        byte[] pixels = sharp.copyPixels();
        double sigma = 1.4;
        double[] kernel = new double[9];
        double sum = 0;
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = Math.exp(-(i - 4) * (i - 4) / (2 * sigma * sigma));
            sum += kernel[i];
        }
        byte[] blurred = new byte[pixels.length];
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 400; x++) {
                double v = 0;
                for (int i = 0; i < kernel.length; i++) {
                    v += kernel[i] * (pixels[y * 400 + Math.max(0, Math.min(399, x + i - 4))] & 0xff);
                }
                blurred[y * 400 + x] = (byte) Math.round(v / sum);
            }
        }
        return GrayImage.wrap(400, 200, blurred);
    }

    @Test
    void aBlurred200DpiScanKeepsTheGapsBetweenNeighboursAndABilevelOneIsTakenAsItIs() {
        Preprocessor plain = new Preprocessor(new PreprocessOptions(false, 0, false));
        for (boolean bilevel : new boolean[] {false, true}) {
            GrayImage page = blurredPairs(bilevel);
            GrayImage ink = plain.prepare(new io.numscan.ingest.PageImage("scan.png", 1, 200, page)).ink();
            for (int x = 30; x < 360; x += 60) {
                // Enlarged 1.5 times: the gap between the bars of a pair is at 1.5 * (x + 10).
                int gap = (int) Math.round(1.5 * (x + 10));
                assertEquals(0, ink.get(gap, 142), "gap at " + x + (bilevel ? " (bilevel)" : ""));
                assertEquals(255, ink.get((int) Math.round(1.5 * (x + 4)), 142), "bar at " + x);
            }
        }
        assertTrue(Preprocessor.isBilevel(Preprocessor.toMat(blurredPairs(true))));
        assertTrue(!Preprocessor.isBilevel(Preprocessor.toMat(blurredPairs(false))));
    }
}
