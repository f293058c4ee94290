package io.numscan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.assemble.RecognizedNumber;
import io.numscan.classify.ModelStore;
import io.numscan.ingest.PageImage;
import io.numscan.ingest.UnreadableDocumentException;
import io.numscan.synth.SampleFonts;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How each source reads a PDF whose first page has text and second is a scanned image. */
class TextSourceTest {
    private static ScanService service;
    private static byte[] mixed;
    private static byte[] ocrLayer;

    @BeforeAll
    static void setUp() throws Exception {
        service = new ScanService(ScanOptions.DEFAULT, new ModelStore(Optional.of(java.nio.file.Path.of("models"))).load("cnn"));
        // The address block of the scanned invoice: three lines with 1847, 210, 62704, 538 and 555-6523.
        BufferedImage scan = ImageIO.read(new File("samples/invoice-scan.png")).getSubimage(150, 300, 1300, 220);
        try (PDDocument doc = new PDDocument()) {
            PDFont font = PDType0Font.load(doc, SampleFonts.SANS.file());
            PDPage text = new PDPage(PDRectangle.A6);
            doc.addPage(text);
            try (PDPageContentStream cs = new PDPageContentStream(doc, text)) {
                cs.beginText();
                cs.setFont(font, 12);
                cs.newLineAtOffset(30, 300);
                cs.showText("Total due: $1,234.56");
                cs.endText();
            }
            PDImageXObject image = LosslessFactory.createFromImage(doc, scan);
            PDPage picture = new PDPage(new PDRectangle(scan.getWidth() * 72f / 300, scan.getHeight() * 72f / 300));
            doc.addPage(picture);
            try (PDPageContentStream cs = new PDPageContentStream(doc, picture)) {
                cs.drawImage(image, 0, 0, picture.getMediaBox().getWidth(), picture.getMediaBox().getHeight());
            }
            mixed = save(doc);
        }
        try (PDDocument doc = new PDDocument()) {
            PDFont font = PDType0Font.load(doc, SampleFonts.SANS.file());
            PDPage page = new PDPage(PDRectangle.A6);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setRenderingMode(RenderingMode.NEITHER);
                cs.setFont(font, 12);
                cs.newLineAtOffset(30, 300);
                cs.showText("Amount 42.00");
                cs.endText();
            }
            ocrLayer = save(doc);
        }
    }

    @AfterAll
    static void close() {
        service.classifier().close();
    }

    @Test
    void autoReadsTheTextPageFromTextAndTheScannedPageByOcr() throws Exception {
        DocumentResult result = service.scan("mixed.pdf", mixed);
        PageResult text = result.pages().get(0);
        assertEquals(PageSource.TEXT, text.source());
        RecognizedNumber total = text.numbers().get(0);
        assertEquals("1,234.56", total.value());
        assertEquals("Total due", total.label());
        assertEquals(1.0, total.confidence());
        assertEquals(List.of('1', ',', '2', '3', '4', '.', '5', '6'),
                total.characters().stream().map(c -> c.symbol()).toList());
        assertTrue(total.characters().stream().allMatch(c -> c.probability() == 1.0 && c.box().width() > 0));
        // A6 at 300 DPI, as the page would render, though it was not drawn
        assertEquals(List.of(1240, 1748, 300), List.of(text.width(), text.height(), text.dpi()));

        PageResult scanned = result.pages().get(1);
        assertEquals(PageSource.OCR, scanned.source());
        List<String> values = scanned.numbers().stream().map(RecognizedNumber::value).toList();
        assertTrue(values.containsAll(List.of("1847", "62704", "555-6523")), values.toString());
        assertTrue(scanned.numbers().stream().allMatch(n -> n.label().isEmpty()));
    }

    @Test
    void ocrReadsEveryPageFromPixels() throws Exception {
        DocumentResult result = service.withSource(NumberSource.OCR).scan("mixed.pdf", mixed);
        assertEquals(List.of(PageSource.OCR, PageSource.OCR), result.pages().stream().map(PageResult::source).toList());
        assertTrue(result.pages().get(0).numbers().stream().anyMatch(n -> n.value().equals("1,234.56")),
                result.pages().get(0).numbers().toString());
    }

    @Test
    void textRefusesADocumentWithAPageWithoutText() {
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> service.withSource(NumberSource.TEXT).scan("mixed.pdf", mixed));
        assertEquals(UnreadableDocumentException.Reason.NO_TEXT_LAYER, e.reason());
        assertEquals("mixed.pdf", e.source());
        assertTrue(e.getMessage().startsWith("page 2 has no usable text layer"), e.getMessage());
    }

    @Test
    void anInvisibleOcrLayerIsReadOnlyWhenTextIsAskedFor() throws Exception {
        PageResult auto = service.scan("layer.pdf", ocrLayer).pages().get(0);
        assertEquals(PageSource.OCR, auto.source());
        assertEquals(List.of(), auto.numbers(), "the page shows nothing");
        PageResult text = service.withSource(NumberSource.TEXT).scan("layer.pdf", ocrLayer).pages().get(0);
        assertEquals(PageSource.TEXT, text.source());
        assertEquals(List.of("42.00"), text.numbers().stream().map(RecognizedNumber::value).toList());
        assertEquals("Amount", text.numbers().get(0).label());
    }

    @Test
    void anObserverGetsTheImageOfATextPageToo() throws Exception {
        List<PageImage> images = new ArrayList<>();
        service.scan("mixed.pdf", mixed, (image, page) -> {
            assertNotNull(image);
            assertEquals(page.width(), image.width());
            assertEquals(page.height(), image.height());
            images.add(image);
        });
        assertEquals(2, images.size());
    }

    private static byte[] save(PDDocument doc) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
