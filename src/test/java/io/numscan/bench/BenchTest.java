package io.numscan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.numscan.classify.ModelStore;
import io.numscan.ingest.Document;
import io.numscan.ingest.DocumentReader;
import io.numscan.ingest.IngestLimits;
import io.numscan.output.JsonOutput;
import io.numscan.pipeline.ScanOptions;
import io.numscan.pipeline.ScanService;
import io.numscan.pipeline.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's parts measure what they say on the pages they are given; no speed is asserted. */
class BenchTest {
    @TempDir
    Path temp;

    @Test
    void stagedCopiesDifferInContentButReadAsTheirOriginal() throws Exception {
        Path pages = temp.resolve("pages");
        Files.createDirectories(pages);
        Files.copy(Path.of("samples", "invoice.pdf"), pages.resolve("invoice.pdf"));
        Files.copy(Path.of("samples", "handwritten-form.png"), pages.resolve("handwritten-form.png"));
        BenchPages set = BenchPages.load(pages);
        int copies = BatchBench.stage(set.entries(), 5, temp.resolve("staged"));
        assertEquals(5, copies);
        List<Path> staged;
        try (var files = Files.list(temp.resolve("staged"))) {
            staged = files.sorted().toList();
        }
        assertEquals(5, staged.size());
        // The batch skips content it has seen: every copy must hash differently.
        assertNotEquals(-1, Files.mismatch(staged.get(1), staged.get(3)));
        DocumentReader reader = new DocumentReader(IngestLimits.DEFAULT);
        for (Path copy : staged) {
            Path original = pages.resolve(copy.getFileName().toString().substring(6));
            try (Document a = reader.open(copy); Document b = reader.open(original)) {
                assertEquals(b.pageCount(), a.pageCount());
                assertEquals(b.renderPage(1).image(), a.renderPage(1).image(), copy.toString());
            }
        }
    }

    @Test
    void reportsEveryStageAndTheScoreOfTheBenchPages() throws Exception {
        Path pages = temp.resolve("pages");
        Files.createDirectories(pages);
        for (String name : List.of("handwritten-form.png", "handwritten-form.png.expected.json")) {
            Files.copy(Path.of("samples", name), pages.resolve(name));
        }
        try (var classifier = new ModelStore(Optional.of(Path.of("models"))).load("cnn")) {
            ScanService service = new ScanService(ScanOptions.DEFAULT, classifier);
            BenchOptions options = new BenchOptions(1, List.of(1, 8), 0.2, List.of(1), 1, 1,
                    List.of(BenchOptions.Part.batch, BenchOptions.Part.tesseract));
            BenchReport report = new Bench(service, options, System.err, List.of()).run(BenchPages.load(pages));
            StageBench.Result scan = report.stages().get(0);
            assertEquals("scan", scan.label());
            assertEquals(1, scan.pagesTimed());
            for (Stage s : List.of(Stage.RENDER, Stage.PREPROCESS, Stage.SEGMENT, Stage.CLASSIFY, Stage.ASSEMBLE)) {
                assertTrue(scan.msPerPage().get(s) > 0, s + " not timed");
            }
            assertEquals(0.0, scan.msPerPage().get(Stage.TEXT), 0.5, "a PNG has no text layer");
            // The same page scanned through the pipeline scores the same.
            var expected = io.numscan.synth.Expected.read(pages.resolve("handwritten-form.png.expected.json"));
            var direct = io.numscan.evaluate.DocumentEvaluator.score(service.scan(pages.resolve("handwritten-form.png")), expected);
            assertEquals(direct, scan.score());
            assertEquals(List.of(1, 8), report.classifier().stream().map(ClassifierBench.Result::batch).toList());
            assertTrue(report.classifier().stream().allMatch(r -> r.crops() > 0 && r.crops() % r.batch() == 0));
            JsonNode json = JsonOutput.mapper().readTree(report.json());
            assertEquals("scan", json.path("stages").get(0).path("label").asText());
            assertTrue(json.path("stages").get(0).path("msPerPage").has("preprocess"));
            assertEquals(2, json.path("classifier").size());
            assertTrue(report.table().contains("preprocess"));
        }
    }

    @Test
    void aCategoryThatIsNotThereIsAnError() throws Exception {
        BenchPages set = BenchPages.load(Path.of("samples"));
        assertThrows(IllegalArgumentException.class, () -> set.inCategory("no-such-category"));
        assertThrows(java.io.IOException.class, () -> BenchPages.load(temp));
    }
}
