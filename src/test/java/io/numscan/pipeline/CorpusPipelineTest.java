package io.numscan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.numscan.classify.ModelStore;
import io.numscan.evaluate.CategoryScore;
import io.numscan.evaluate.CorpusEvaluation;
import io.numscan.synth.CorpusGenerator;
import io.numscan.synth.VariedInvoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated corpus (over 100 pages: varied invoices as vector PDF and as 300- and 200-DPI
 * scans in every file format, and handwritten forms), read end to end and scored per category.
 * The floors sit a little under what the shipped model scores today, so a regression fails while
 * a borderline glyph rounding the other way on another CPU does not.
 */
class CorpusPipelineTest {
    /**
     * Per seed, category -> {min F1, min digit accuracy}. Seed 2025 is the corpus the pipeline was
     * developed against; seed 7 is a second one, so that a change tuned to the first one's pages
     * and failing elsewhere shows. Measured today (F1 / digit accuracy, vector, 300, 200 DPI,
     * handwritten): seed 2025 1.000/1.000, 0.997/0.999, 0.983/0.990, 0.921/0.984 (see README,
     * "Accuracy on real-looking documents"); seed 7 1.000/1.000, 0.996/0.996, 0.977/0.980,
     * 0.927/0.985. The 300-DPI floors hold the 0.99 target on both seeds and the 200-DPI one on
     * seed 2025; seed 7 meets it at 200 DPI by a few numbers, so its floor sits a little under
     * (another CPU's BLAS may round a doubtful glyph the other way), well above Tesseract's 0.924.
     */
    private static final Map<Long, Map<String, double[]>> FLOORS = Map.of(
            2025L, Map.of(
                    CorpusGenerator.VECTOR, new double[] {0.99, 0.99},
                    CorpusGenerator.SCAN_300, new double[] {0.990, 0.995},
                    CorpusGenerator.SCAN_200, new double[] {0.972, 0.982},
                    CorpusGenerator.HANDWRITTEN, new double[] {0.905, 0.975}),
            7L, Map.of(
                    CorpusGenerator.VECTOR, new double[] {0.99, 0.99},
                    CorpusGenerator.SCAN_300, new double[] {0.990, 0.990},
                    CorpusGenerator.SCAN_200, new double[] {0.968, 0.975},
                    CorpusGenerator.HANDWRITTEN, new double[] {0.91, 0.978}));

    @TempDir
    Path corpus;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {2025, 7})
    void readsTheGeneratedCorpusPerCategory(long seed) throws Exception {
        assumeTrue(VariedInvoice.fontsInstalled(), "corpus fonts not installed (see .ci/run)");
        assumeTrue(Files.isRegularFile(Path.of("data", "digits-test-images-idx3-ubyte.gz")), "no data/ splits");
        List<CorpusGenerator.Written> written = new CorpusGenerator(Path.of("data")).generate(corpus, seed, 20, 25);
        int pages = written.stream().mapToInt(CorpusGenerator.Written::pages).sum();
        assertTrue(pages >= 100, "corpus has only " + pages + " pages");

        CorpusEvaluation.Result result;
        ScanService service = ScanService.withModels(ScanOptions.DEFAULT, new ModelStore(Optional.of(Path.of("models"))), "cnn");
        try {
            result = CorpusEvaluation.evaluate(corpus, service::scan);
        } finally {
            service.classifier().close();
        }
        for (CorpusEvaluation.DocumentScore d : result.documents()) {
            if (d.error() != null || !d.missed().isEmpty() || !d.spurious().isEmpty()) {
                System.out.printf("%s: %s missed %s spurious %s%n", d.file(), d.error() == null ? "" : d.error(),
                        d.missed(), d.spurious());
            }
        }
        for (String category : CorpusGenerator.CATEGORIES) {
            CategoryScore s = result.categories().get(category);
            System.out.printf(Locale.ROOT, "seed %d %-12s %3d pages  P %.3f  R %.3f  F1 %.3f  digit accuracy %.4f  %.2f s/page%n",
                    seed, category, s.pages(), s.numbers().precision(), s.numbers().recall(), s.numbers().f1(),
                    s.digitAccuracy(), s.seconds() / s.pages());
        }
        assertEquals(0, result.documents().stream().filter(d -> d.error() != null).count(), "documents failed");
        for (String category : CorpusGenerator.CATEGORIES) {
            CategoryScore s = result.categories().get(category);
            double[] floor = FLOORS.get(seed).get(category);
            assertTrue(s.numbers().f1() >= floor[0], category + " F1 " + s.numbers().f1() + " < " + floor[0]);
            assertTrue(s.digitAccuracy() >= floor[1], category + " digit accuracy " + s.digitAccuracy() + " < " + floor[1]);
        }
    }
}
