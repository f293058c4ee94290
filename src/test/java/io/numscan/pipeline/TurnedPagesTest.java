package io.numscan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.TestPages;
import io.numscan.assemble.RecognizedNumber;
import io.numscan.classify.ModelStore;
import io.numscan.geom.Box;
import io.numscan.geom.GrayImage;
import io.numscan.ingest.Document;
import io.numscan.ingest.DocumentReader;
import io.numscan.ingest.IngestLimits;
import io.numscan.ingest.PageImage;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A scanned page given on its side or upside down reads as the same page given upright: the
 * same numbers, each boxed where it lies on the page as given, and the turn in the rotation the
 * page reports.
 */
class TurnedPagesTest {
    private static ScanService service;

    @BeforeAll
    static void loadModel() throws Exception {
        service = ScanService.withModels(ScanOptions.DEFAULT, new ModelStore(Optional.of(Path.of("models"))), "cnn");
    }

    @AfterAll
    static void close() {
        service.classifier().close();
    }

    @ParameterizedTest(name = "{0} turned {1} times clockwise")
    @CsvSource({
        "invoice-scan.png, 1", "invoice-scan.png, 2", "invoice-scan.png, 3",
        "handwritten-form.png, 1", "handwritten-form.png, 2", "handwritten-form.png, 3",
    })
    void readsAsTheUprightPage(String sample, int turns) throws Exception {
        PageImage page;
        try (Document document = new DocumentReader(IngestLimits.DEFAULT).open(Path.of("samples", sample))) {
            page = document.renderPage(1);
        }
        BufferedImage upright = page.image().toBufferedImage();
        PageResult uprightReading = read(page, upright);
        List<RecognizedNumber> expected = uprightReading.numbers();
        assertTrue(expected.size() >= 5, sample + " upright: " + expected.size() + " numbers");
        PageResult turnedReading = read(page, TestPages.turned(upright, turns));
        List<RecognizedNumber> found = turnedReading.numbers();
        // Turned back counter-clockwise (positive) by as many quarters, then deskewed as upright.
        double back = 90.0 * turns + uprightReading.deskewDegrees();
        assertEquals(back > 180 ? back - 360 : back, turnedReading.deskewDegrees(), 1e-9, "the rotation reported");
        assertEquals(expected.size(), found.size(), sample + " turned " + turns + ": " + found);
        for (int i = 0; i < expected.size(); i++) {
            RecognizedNumber e = expected.get(i);
            Box where = turned(e.box(), turns, upright.getWidth(), upright.getHeight());
            boolean same = found.stream().anyMatch(f -> f.value().equals(e.value()) && f.box().equals(where));
            assertTrue(same, sample + " turned " + turns + ": no " + e.value() + " at " + where + " in " + found);
        }
    }

    @ParameterizedTest(name = "a vector PDF page displayed turned by /Rotate {0}, read through OCR")
    @org.junit.jupiter.params.provider.ValueSource(ints = {90, 180, 270})
    void aPdfPageDisplayedTurnedReadsAsUpright(int rotate) throws Exception {
        // PDFBox renders the page as displayed; a one-pixel shift between its turned rendering
        // and the upright one once halved the up-and-down evidence.
        byte[] upright = java.nio.file.Files.readAllBytes(Path.of("samples", "invoice.pdf"));
        byte[] turned;
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(upright)) {
            pdf.getPage(0).setRotation(rotate);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            pdf.save(out);
            turned = out.toByteArray();
        }
        ScanService ocr = service.withSource(NumberSource.OCR);
        List<String> expected = values(ocr.scan("invoice.pdf", upright));
        assertTrue(expected.size() >= 30, "upright: " + expected);
        assertEquals(expected, values(ocr.scan("invoice-rotate-" + rotate + ".pdf", turned)));
    }

    private static List<String> values(DocumentResult result) {
        return result.pages().get(0).numbers().stream().map(RecognizedNumber::value).sorted().toList();
    }

    private static PageResult read(PageImage page, BufferedImage image) {
        return service.scanPage(new PageImage(page.source(), 1, page.dpi(), GrayImage.fromBufferedImage(image)));
    }

    /** Where {@code box} of a w x h page lies once the page is turned clockwise {@code turns} times. */
    private static Box turned(Box box, int turns, int w, int h) {
        return switch (turns) {
            case 1 -> new Box(h - box.bottom(), box.x(), box.height(), box.width());
            case 2 -> new Box(w - box.right(), h - box.bottom(), box.width(), box.height());
            case 3 -> new Box(box.y(), w - box.right(), box.height(), box.width());
            default -> box;
        };
    }
}
