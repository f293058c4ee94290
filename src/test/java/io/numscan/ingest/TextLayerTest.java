package io.numscan.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.assemble.RecognizedNumber;
import io.numscan.assemble.TextLayerNumbers;
import io.numscan.geom.Box;
import io.numscan.geom.GrayImage;
import io.numscan.synth.Expected;
import io.numscan.synth.SampleFonts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextLayerTest {
    private static final DocumentReader READER = new DocumentReader(IngestLimits.DEFAULT);

    @Test
    void invoiceNumbersGetTheInkBoxesOfTheTruth() throws Exception {
        Expected.Page truth = Expected.read(Path.of("samples/invoice.pdf.expected.json")).pages().get(0);
        try (Document pdf = READER.open(Path.of("samples/invoice.pdf"))) {
            List<TextWord> words = pdf.textLayer(1).orElseThrow();
            assertTrue(words.stream().anyMatch(w -> w.text().equals("Subtotal")), words.toString());
            assertTrue(words.stream().noneMatch(TextWord::invisible));
            PageSize size = pdf.pageSize(1);
            assertEquals(new PageSize(truth.width(), truth.height(), 300), size);

            List<RecognizedNumber> found = new ArrayList<>(TextLayerNumbers.read(words));
            assertEquals(truth.numbers().size(), found.size(), found.toString());
            for (Expected.Number e : truth.numbers()) {
                RecognizedNumber n = found.stream()
                        .filter(f -> f.value().equals(e.value()) && near(f.box(), new Box(e.x(), e.y(), e.width(), e.height()), 1))
                        .findFirst().orElseThrow(() -> new AssertionError("no " + e + " in " + found));
                found.remove(n);
                assertEquals(e.value().length(), n.characters().size());
                assertEquals(1.0, n.confidence());
            }
        }
    }

    @Test
    void aTokenInsideAWordIsBoxedByItsOwnCharacters() throws Exception {
        try (Document pdf = READER.open(Path.of("samples/invoice.pdf"))) {
            List<TextWord> words = pdf.textLayer(1).orElseThrow();
            TextWord total = words.stream().filter(w -> w.text().startsWith("$")).findFirst().orElseThrow();
            RecognizedNumber n = TextLayerNumbers.read(List.of(total)).get(0);
            assertEquals(total.text().substring(1), n.value());
            Box dollar = total.characterBoxes().get(0);
            assertTrue(n.box().x() >= dollar.right() - 1, n.box() + " should start after the $ at " + dollar);
            assertEquals(total.box().right(), n.box().right());
        }
    }

    @Test
    void anImageOnlyPdfHasNoTextLayer() throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject image = PDImageXObject.createFromFile("samples/invoice-scan.png", doc);
            PDPage page = new PDPage(new PDRectangle(image.getWidth() * 72f / 300, image.getHeight() * 72f / 300));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            pdf = save(doc);
        }
        try (Document document = READER.open("scan.pdf", pdf)) {
            assertEquals(Optional.empty(), document.textLayer(1));
        }
    }

    /**
     * Each page turn and an offset crop box: the words' boxes must lie on the ink the renderer
     * draws for them, and the text must run the way the turned page shows it.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void boxesFollowTheRotationAndCropBoxOfTheRenderedPage(int rotation) throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(400, 300));
            page.setCropBox(new PDRectangle(20, 10, 360, 250));
            page.setRotation(rotation);
            doc.addPage(page);
            PDFont font = PDType0Font.load(doc, SampleFonts.SANS.file());
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(font, 20);
                cs.newLineAtOffset(60, 150);
                cs.showText("Total $1,234.56");
                cs.endText();
            }
            pdf = save(doc);
        }
        try (Document document = READER.open("turned.pdf", pdf)) {
            List<TextWord> words = document.textLayer(1).orElseThrow();
            assertEquals(List.of("Total", "$1,234.56"), words.stream().map(TextWord::text).toList());
            PageImage image = document.renderPage(1);
            assertEquals(new PageSize(image.width(), image.height(), image.dpi()), document.pageSize(1));
            Box ink = inkBox(image.image());
            Box text = Box.enclosing(words.stream().map(TextWord::box).toList());
            assertTrue(near(text, ink, 3), "text box " + text + " vs ink " + ink + " at /Rotate " + rotation);
            Box first = words.get(0).box();
            Box second = words.get(1).box();
            switch (rotation) {
                case 0 -> assertTrue(second.x() > first.right());
                case 90 -> assertTrue(second.y() > first.bottom());
                case 180 -> assertTrue(second.right() < first.x());
                default -> assertTrue(second.bottom() < first.y());
            }
        }
    }

    @Test
    void invisibleTextIsKeptAndMarked() throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A6);
            doc.addPage(page);
            PDFont font = PDType0Font.load(doc, SampleFonts.SANS.file());
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setRenderingMode(RenderingMode.NEITHER);
                cs.setFont(font, 12);
                cs.newLineAtOffset(30, 200);
                cs.showText("Amount 42.00");
                cs.endText();
            }
            pdf = save(doc);
        }
        try (Document document = READER.open("ocr-layer.pdf", pdf)) {
            List<TextWord> words = document.textLayer(1).orElseThrow();
            assertEquals(List.of("Amount", "42.00"), words.stream().map(TextWord::text).toList());
            assertTrue(words.stream().allMatch(TextWord::invisible));
        }
    }

    @Test
    void wordsSplitAtWideGapsEvenWithoutSpaces() throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A6);
            doc.addPage(page);
            PDFont font = PDType0Font.load(doc, SampleFonts.SANS.file());
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(font, 12);
                cs.newLineAtOffset(30, 200);
                // Positioned, not spaced: a gap of 0.6 em between "Qty" and "1,2"; kerning of 0.02 em inside "1,234".
                cs.showTextWithPositioning(new Object[] {"Qty", -600f, "1,2", -20f, "34"});
                cs.endText();
            }
            pdf = save(doc);
        }
        try (Document document = READER.open("positioned.pdf", pdf)) {
            assertEquals(List.of("Qty", "1,234"), document.textLayer(1).orElseThrow().stream().map(TextWord::text).toList());
        }
    }

    @Test
    void aFilledFormFieldIsReadFromItsAppearance() throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A6);
            doc.addPage(page);
            PDType0Font font = PDType0Font.load(doc, new java.io.FileInputStream(SampleFonts.SANS.file()), false);
            PDResources resources = new PDResources();
            COSName fontName = resources.add(font);
            PDAcroForm form = new PDAcroForm(doc);
            form.setDefaultResources(resources);
            form.setDefaultAppearance("/" + fontName.getName() + " 12 Tf 0 g");
            doc.getDocumentCatalog().setAcroForm(form);
            PDTextField amount = new PDTextField(form);
            amount.setPartialName("amount");
            form.getFields().add(amount);
            PDAnnotationWidget widget = amount.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(40, 300, 150, 20));
            widget.setPage(page);
            widget.setPrinted(true);
            page.getAnnotations().add(widget);
            amount.setValue("1,234.00");
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(font, 12);
                cs.newLineAtOffset(200, 305);
                cs.showText("Amount");
                cs.endText();
            }
            pdf = save(doc);
        }
        try (Document document = READER.open("form.pdf", pdf)) {
            List<TextWord> words = document.textLayer(1).orElseThrow();
            assertEquals(List.of("Amount", "1,234.00"), words.stream().map(TextWord::text).toList());
            Box ink = inkBox(document.renderPage(1).image());
            Box text = Box.enclosing(words.stream().map(TextWord::box).toList());
            assertTrue(near(text, ink, 3), text + " vs ink " + ink);
        }
    }

    @Test
    void aBrokenContentStreamMeansNoTextLayerNotACrash() throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A6);
            doc.addPage(page);
            page.setResources(new PDResources());
            PDStream junk = new PDStream(doc);
            try (var out = junk.createOutputStream(COSName.FLATE_DECODE)) {
                out.write("BT /F9 12 Tf 10 10 Td (1234) Tj ET".getBytes(StandardCharsets.US_ASCII));
            }
            // replace the compressed bytes by a zlib header and garbage, so inflating fails
            try (var out = junk.getCOSObject().createRawOutputStream()) {
                out.write(new byte[] {0x78, (byte) 0x9c, 1, 2, 3, 4, 5, 6, 7, 8, 9});
            }
            page.setContents(junk);
            pdf = save(doc);
        }
        try (Document document = READER.open("broken.pdf", pdf)) {
            assertEquals(Optional.empty(), document.textLayer(1));
        }
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    private static boolean near(Box a, Box b, int tolerance) {
        return Math.abs(a.x() - b.x()) <= tolerance && Math.abs(a.y() - b.y()) <= tolerance
                && Math.abs(a.right() - b.right()) <= tolerance && Math.abs(a.bottom() - b.bottom()) <= tolerance;
    }

    /** The box of every pixel darker than mid-grey. */
    private static Box inkBox(GrayImage image) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (image.get(x, y) < 128) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertFalse(maxX < 0, "blank page");
        return new Box(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }
}
