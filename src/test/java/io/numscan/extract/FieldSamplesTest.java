package io.numscan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.classify.ModelStore;
import io.numscan.evaluate.FieldAccuracy;
import io.numscan.pipeline.ScanOptions;
import io.numscan.pipeline.ScanService;
import io.numscan.synth.fields.FieldCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code numscan extract} over the committed field samples, end to end with the shipped model,
 * against {@code samples/fields/expected.csv}. The vector invoices are read from their text layer
 * and give every field exactly. Scans and handwriting are read glyph by glyph, and one misread
 * digit makes its field wrong: today all 14 fields of the scanned invoices and 7 of the 10 fields
 * of each kind of form are right (the field accuracy over a 50-document corpus is in the README
 * of samples/fields). The threshold, 65 % of the fields of each such group, lets a
 * borderline glyph round the other way on another CPU and catches a template or locator
 * regression, which loses whole columns.
 */
class FieldSamplesTest {
    private static final Path SAMPLES = Path.of("samples/fields");
    private static ScanService scanner;

    @BeforeAll
    static void loadModel() throws Exception {
        scanner = ScanService.withModels(ScanOptions.DEFAULT, new ModelStore(Optional.of(Path.of("models"))), "cnn");
    }

    @AfterAll
    static void close() {
        scanner.classifier().close();
    }

    @Test
    void theSamplesGiveTheExpectedFields() throws Exception {
        List<Template> templates = TemplateLoader.load(List.of(SAMPLES.resolve("templates")));
        List<FieldAccuracy.ExpectedRow> expected = FieldAccuracy.readExpected(SAMPLES.resolve(FieldCorpus.EXPECTED));
        ExtractService service = new ExtractService(scanner, new FieldExtractor(templates));
        FieldAccuracy accuracy = new FieldAccuracy(expected, templates);
        List<String> wrongTemplates = new ArrayList<>();
        for (FieldAccuracy.ExpectedRow row : expected) {
            ExtractedDocument doc = service.extract(SAMPLES.resolve(row.file())).fields();
            accuracy.add(doc);
            if (!doc.template().equals(Optional.of(row.template()))) {
                wrongTemplates.add(row.file() + " took " + doc.template());
            }
        }
        System.out.print(accuracy.report());
        accuracy.mistakes().forEach(m -> System.out.println("mistake: " + m));
        assertEquals(List.of(), wrongTemplates, "documents given the wrong template");
        assertEquals(List.of(), accuracy.mistakes().stream().filter(m -> m.matches("invoice-\\d+\\.pdf .*")).toList(),
                "every field of every vector invoice");
        for (var group : accuracy.groups().entrySet()) {
            FieldAccuracy.Tally t = group.getValue();
            assertTrue(t.right() >= 0.65 * t.fields(), group.getKey() + ": " + t.right() + " of " + t.fields() + " fields right");
        }
    }
}
