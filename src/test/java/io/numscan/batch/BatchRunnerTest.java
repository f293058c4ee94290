package io.numscan.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.numscan.output.CsvOutput;
import io.numscan.pipeline.ScanService;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner in-process over a folder mixing good, bad and unsupported files. */
class BatchRunnerTest {
    @TempDir
    Path dir;

    @Test
    void everyFileEndsUpInTheResultsOrInErrorsAndARerunResumes() throws Exception {
        Path in = dir.resolve("in");
        Path good1 = BatchFixtures.copySample("invoice-scan.png", in.resolve("b/invoice-scan.png"), 0);
        Path good2 = BatchFixtures.copySample("invoice.pdf", in.resolve("a-invoice.pdf"), 0);
        Path corrupt = Files.writeString(in.resolve("corrupt.pdf"), "%PDF-1.4 nothing here");
        Path empty = Files.createFile(in.resolve("empty.png"));
        Path text = Files.writeString(in.resolve("letter.pdf"), "just some text, not a PDF");
        Path notes = Files.writeString(in.resolve("b/notes.txt"), "unsupported");
        Files.writeString(in.resolve(".hidden.png"), "an editor's temporary file");
        Path out = in.resolve("out"); // inside the input: must not be read as input
        ScanService service = BatchFixtures.service();

        BatchSummary first = new BatchRunner(service, BatchOptions.of(in, out, 2), Progress.NONE, System.err).run();

        assertEquals(1, first.exitCode());
        assertEquals(2, first.documents());
        assertEquals(2, first.scanned());
        assertEquals(0, first.resumed());
        assertEquals(2, first.pages());
        assertEquals(4, first.errors());

        // numbers.csv: exactly what scanning each file alone gives, files in path order.
        StringWriter expected = new StringWriter();
        CsvOutput.writeHeader(expected);
        CsvOutput.writeRows(service.scan(good2), expected);
        CsvOutput.writeRows(service.scan(good1), expected);
        String numbers = Files.readString(out.resolve("numbers.csv"));
        assertEquals(expected.toString(), numbers);
        assertTrue(numbers.contains(good2 + ",1,\"1,985.94\","), numbers);
        assertEquals(first.numbers(), BatchFixtures.lines(out.resolve("numbers.csv")).size() - 1);

        List<String> errors = BatchFixtures.lines(out.resolve("errors.csv"));
        assertEquals("file,reason", errors.get(0));
        assertEquals(5, errors.size(), String.join("\n", errors));
        assertTrue(errors.contains(notes + ",unsupported type"), String.join("\n", errors));
        assertTrue(errors.stream().anyMatch(l -> l.startsWith(corrupt + ",corrupt PDF")), String.join("\n", errors));
        assertTrue(errors.stream().anyMatch(l -> l.startsWith(empty + ",file is empty")), String.join("\n", errors));
        assertTrue(errors.stream().anyMatch(l -> l.startsWith(text + ",\"not a PDF, PNG, JPEG or TIFF file\"")), String.join("\n", errors));
        assertFalse(String.join("\n", errors).contains(".hidden"));

        JsonNode summary = BatchFixtures.json(out.resolve("summary.json"));
        assertEquals(2, summary.get("documents").asInt());
        assertEquals(2, summary.get("pages").asInt());
        assertEquals(first.numbers(), summary.get("numbers").asInt());
        assertEquals(4, summary.get("errors").asInt());
        assertTrue(summary.get("pagesPerSecond").asDouble() > 0);

        // the vector PDF went around the classifier, read from its text layer
        assertEquals("text", BatchFixtures.json(out.resolve("json/a-invoice.pdf.json")).at("/pages/0/source").asText());
        JsonNode doc = BatchFixtures.json(out.resolve("json/b/invoice-scan.png.json"));
        assertEquals("ocr", doc.at("/pages/0/source").asText());
        assertEquals(good1.toString(), doc.get("file").asText());
        assertEquals("png", doc.get("type").asText());
        assertTrue(doc.at("/pages/0/numbers").size() > 10);

        // A second run reads nothing again and writes the same bytes.
        byte[] before = Files.readAllBytes(out.resolve("numbers.csv"));
        Files.delete(out.resolve("json/a-invoice.pdf.json"));
        BatchSummary second = new BatchRunner(service, BatchOptions.of(in, out, 1).withCombinedJson(true), Progress.NONE,
                System.err).run();
        assertEquals(0, second.scanned());
        assertEquals(2, second.resumed());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("numbers.csv")));
        assertTrue(Files.exists(out.resolve("json/a-invoice.pdf.json")), "a missing JSON is written again");
        JsonNode combined = BatchFixtures.json(out.resolve("numbers.json"));
        assertEquals(2, combined.get("documents").size());
        assertEquals(4, combined.get("errors").size());
    }

    @Test
    void anEmptyFolderSucceedsWithEmptyOutputs() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        BatchSummary s = new BatchRunner(BatchFixtures.service(), BatchOptions.of(in, out, 1), Progress.NONE, System.err).run();
        assertEquals(0, s.exitCode());
        assertEquals(CsvOutput.HEADER + "\n", Files.readString(out.resolve("numbers.csv")));
        assertEquals("file,reason\n", Files.readString(out.resolve("errors.csv")));
    }
}
