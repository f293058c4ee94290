package io.numscan.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.geom.GrayImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

class ScannedPageTest {
    private static final int DPI = 300;

    /** A noisy grey "scan" of w x h pixels. */
    private static BufferedImage scan(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.getRaster().setSample(x, y, 0, random.nextInt(256));
            }
        }
        return image;
    }

    private interface Content {
        void draw(PDDocument doc, PDPageContentStream cs, PDImageXObject image) throws IOException;
    }

    /** A one-page PDF of 72 x 48 pt (300 x 200 pixels at 300 DPI) holding a w x h scan. */
    private static byte[] pdf(int w, int h, Content content) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(72, 48));
            doc.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(doc, scan(w, h));
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                content.draw(doc, cs, image);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static Optional<GrayImage> fastPath(byte[] pdf) throws IOException {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return ScannedPage.samples(doc.getPage(0), PagePixels.of(doc.getPage(0), DPI));
        }
    }

    private static GrayImage rendered(byte[] pdf) throws IOException {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            renderer.setSubsamplingAllowed(false);
            return GrayImage.fromBufferedImage(renderer.renderImageWithDPI(0, DPI, ImageType.GRAY));
        }
    }

    @Test
    void aPageThatIsOneFullPageScanIsItsSamplesExactlyAsRendered() throws IOException {
        byte[] pdf = pdf(300, 200, (doc, cs, image) -> cs.drawImage(image, 0, 0, 72, 48));
        GrayImage fast = fastPath(pdf).orElseThrow();
        GrayImage rendered = rendered(pdf);
        assertEquals(rendered.width(), fast.width());
        assertEquals(rendered.height(), fast.height());
        assertArrayEquals(rendered.copyPixels(), fast.copyPixels());
    }

    @Test
    void aScanOnePixelLargerThanTheRenderedPageIsStillThePage() throws IOException {
        byte[] pdf = pdf(301, 201, (doc, cs, image) -> cs.drawImage(image, 0, 0, 72, 48));
        GrayImage fast = fastPath(pdf).orElseThrow();
        assertEquals(301, fast.width());
        assertEquals(201, fast.height());
    }

    @Test
    void anythingElseOnThePageLeavesItToTheRenderer() throws IOException {
        Content withText = (doc, cs, image) -> {
            cs.drawImage(image, 0, 0, 72, 48);
            cs.beginText();
            cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
            cs.newLineAtOffset(5, 5);
            cs.showText("12.50");
            cs.endText();
        };
        Content withRule = (doc, cs, image) -> {
            cs.drawImage(image, 0, 0, 72, 48);
            cs.moveTo(0, 20);
            cs.lineTo(72, 20);
            cs.stroke();
        };
        Content smaller = (doc, cs, image) -> cs.drawImage(image, 0, 0, 60, 48);
        Content clippedInside = (doc, cs, image) -> {
            cs.addRect(10, 10, 30, 30);
            cs.clip();
            cs.drawImage(image, 0, 0, 72, 48);
        };
        assertTrue(fastPath(pdf(300, 200, withText)).isEmpty(), "text");
        assertTrue(fastPath(pdf(300, 200, withRule)).isEmpty(), "a drawn line");
        assertTrue(fastPath(pdf(300, 200, smaller)).isEmpty(), "image not filling the page");
        assertTrue(fastPath(pdf(300, 200, clippedInside)).isEmpty(), "clip inside the page");
        assertTrue(fastPath(pdf(150, 100, (doc, cs, image) -> cs.drawImage(image, 0, 0, 72, 48))).isEmpty(),
                "a scan at half the resolution is resampled by the renderer");
    }

    @Test
    void aClipAroundTheWholePageChangesNothing() throws IOException {
        byte[] pdf = pdf(300, 200, (doc, cs, image) -> {
            cs.addRect(0, 0, 72, 48);
            cs.clip();
            cs.drawImage(image, 0, 0, 72, 48);
        });
        assertTrue(fastPath(pdf).isPresent());
    }
}
