package io.numscan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.classify.ModelStore;
import io.numscan.evaluate.DocumentEvaluator;
import io.numscan.evaluate.NumberMatcher;
import io.numscan.evaluate.NumberScore;
import io.numscan.synth.Expected;
import io.numscan.synth.SampleDocuments;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every shipped sample, scanned end to end with the shipped model, against its expected numbers.
 * Today every sample reads perfectly (precision and recall 1.00). Thresholds allow one slip per
 * sample (a different CPU may round a borderline glyph the other way) so a real regression fails
 * while that does not. The vector invoice is read both ways: forced through OCR, which this test
 * is here to measure, and from its text layer (auto), which must agree with the truth exactly,
 * since the truth is made from the same text by the same token rule.
 */
class SamplesPipelineTest {
    private static ScanService service;

    @BeforeAll
    static void loadModel() throws Exception {
        service = ScanService.withModels(ScanOptions.DEFAULT, new ModelStore(Optional.of(Path.of("models"))), "cnn");
    }

    @AfterAll
    static void close() {
        service.classifier().close();
    }

    @ParameterizedTest(name = "{0} ({1}): precision >= {2}, recall >= {3}, pages read from {4}")
    @CsvSource({
        "invoice.pdf, OCR, 0.96, 0.96, OCR",
        "invoice.pdf, AUTO, 1.0, 1.0, TEXT",
        "invoice-scan.png, AUTO, 0.96, 0.96, OCR",
        "handwritten-form.png, AUTO, 0.80, 0.80, OCR",
    })
    void readsTheSampleAsExpected(String sample, NumberSource source, double minPrecision, double minRecall,
            PageSource readFrom) throws Exception {
        Path file = Path.of("samples", sample);
        Expected.Document expected = Expected.read(Path.of("samples", SampleDocuments.expectedName(sample)));
        long start = System.nanoTime();
        DocumentResult result = service.withSource(source).scan(file);
        double seconds = (System.nanoTime() - start) / 1e9;
        NumberScore score = DocumentEvaluator.score(result, expected);
        NumberMatcher.Mismatch diff = NumberMatcher.mismatches(DocumentEvaluator.found(result, 1),
                expected.pages().get(0).numbers());
        System.out.printf("%-22s precision %.3f recall %.3f F1 %.3f (%d expected, %d found, %.1f s); missed %s; spurious %s%n",
                sample + " " + source, score.precision(), score.recall(), score.f1(), score.truePositives() + score.falseNegatives(),
                score.truePositives() + score.falsePositives(), seconds, diff.missed(), diff.spurious());
        assertTrue(score.precision() >= minPrecision, sample + " precision " + score.precision());
        assertTrue(score.recall() >= minRecall, sample + " recall " + score.recall());
        for (PageResult page : result.pages()) {
            assertEquals(readFrom, page.source(), sample + " page " + page.page());
        }
    }
}
