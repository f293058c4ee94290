package io.numscan.pipeline;

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
 * while that does not.
 */
class SamplesPipelineTest {
    private static ScanService service;

    @BeforeAll
    static void loadModel() throws Exception {
        service = new ScanService(ScanOptions.DEFAULT, new ModelStore(Optional.of(Path.of("models"))).load("cnn"));
    }

    @AfterAll
    static void close() {
        service.classifier().close();
    }

    @ParameterizedTest(name = "{0}: precision >= {1}, recall >= {2}")
    @CsvSource({
        "invoice.pdf, 0.96, 0.96",
        "invoice-scan.png, 0.96, 0.96",
        "handwritten-form.png, 0.80, 0.80",
    })
    void readsTheSampleAsExpected(String sample, double minPrecision, double minRecall) throws Exception {
        Path file = Path.of("samples", sample);
        Expected.Document expected = Expected.read(Path.of("samples", SampleDocuments.expectedName(sample)));
        long start = System.nanoTime();
        DocumentResult result = service.scan(file);
        double seconds = (System.nanoTime() - start) / 1e9;
        NumberScore score = DocumentEvaluator.score(result, expected);
        NumberMatcher.Mismatch diff = NumberMatcher.mismatches(DocumentEvaluator.found(result, 1),
                expected.pages().get(0).numbers());
        System.out.printf("%-22s precision %.3f recall %.3f F1 %.3f (%d expected, %d found, %.1f s); missed %s; spurious %s%n",
                sample, score.precision(), score.recall(), score.f1(), score.truePositives() + score.falseNegatives(),
                score.truePositives() + score.falsePositives(), seconds, diff.missed(), diff.spurious());
        assertTrue(score.precision() >= minPrecision, sample + " precision " + score.precision());
        assertTrue(score.recall() >= minRecall, sample + " recall " + score.recall());
    }
}
