package io.numscan.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.numscan.output.CsvOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The runner as a separate process: killed with SIGKILL then resumed, and in watch mode stopped with SIGTERM. */
class BatchProcessTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aRunKilledMidwayAndResumedGivesTheSameNumbersAsAnUninterruptedRun() throws Exception {
        Path in = dir.resolve("in");
        int documents = 10;
        for (int i = 0; i < documents / 2; i++) {
            BatchFixtures.copySample("invoice-scan.png", in.resolve(String.format("scan-%02d.png", i)), i + 1);
            BatchFixtures.copySample("handwritten-form.png", in.resolve(String.format("form-%02d.png", i)), i + 1);
        }
        Files.writeString(in.resolve("readme.txt"), "not a document");
        Path killed = dir.resolve("killed");
        Path log = dir.resolve("killed.log");
        Path state = killed.resolve(".state/docs");

        Process p = BatchFixtures.start(log, in.toString(), killed.toString(), "2");
        boolean some = BatchFixtures.poll(() -> BatchFixtures.count(state, ".json") >= 1 || !p.isAlive(), 150);
        p.destroyForcibly();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "killed process exits");
        int doneBeforeKill = BatchFixtures.count(state, ".json");
        assertTrue(some && doneBeforeKill >= 1 && doneBeforeKill < documents,
                "killed after " + doneBeforeKill + " of " + documents + " documents\n" + BatchFixtures.read(log));
        // Nothing the killed run left is truncated: every JSON parses (temporaries aside).
        try (Stream<Path> files = Files.walk(killed)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.toString().endsWith(".json")) {
                    BatchFixtures.json(f);
                }
            }
        }

        Process resumed = BatchFixtures.start(dir.resolve("resumed.log"), in.toString(), killed.toString(), "2");
        assertTrue(resumed.waitFor(150, TimeUnit.SECONDS), BatchFixtures.read(dir.resolve("resumed.log")));
        assertEquals(1, resumed.exitValue(), "readme.txt is an error\n" + BatchFixtures.read(dir.resolve("resumed.log")));
        JsonNode summary = BatchFixtures.json(killed.resolve("summary.json"));
        assertTrue(summary.get("resumed").asInt() >= doneBeforeKill, summary.toString());
        assertEquals(documents, summary.get("resumed").asInt() + summary.get("scanned").asInt(), summary.toString());
        try (Stream<Path> files = Files.walk(killed)) {
            assertEquals(0, files.filter(f -> f.toString().endsWith(AtomicFiles.TEMP_SUFFIX)).count(), "temporaries removed");
        }

        Path whole = dir.resolve("whole");
        BatchSummary uninterrupted = new BatchRunner(BatchFixtures.service(), BatchOptions.of(in, whole, 2), Progress.NONE,
                System.err).run();
        assertEquals(documents, uninterrupted.scanned());
        byte[] expected = Files.readAllBytes(whole.resolve("numbers.csv"));
        assertTrue(BatchFixtures.lines(whole.resolve("numbers.csv")).size() > 10 * documents);
        assertArrayEquals(expected, Files.readAllBytes(killed.resolve("numbers.csv")));
        assertArrayEquals(Files.readAllBytes(whole.resolve("errors.csv")), Files.readAllBytes(killed.resolve("errors.csv")));
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void watchModeTakesAFileWrittenSlowlyOnceItIsCompleteAndStopsCleanlyOnSigterm() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        Path log = dir.resolve("watch.log");
        Process p = BatchFixtures.start(log, in.toString(), out.toString(), "1", "2000");
        try {
            assertTrue(BatchFixtures.poll(() -> logContains(log, "numscan: watching"), 120), BatchFixtures.read(log));

            // Written in 10 chunks over about 2.5 s: each pause is far shorter than the settle time.
            byte[] content = Files.readAllBytes(BatchFixtures.SAMPLES.resolve("invoice-scan.png"));
            Path target = in.resolve("slow.png");
            int chunks = 10;
            try (OutputStream os = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                for (int i = 0; i < chunks; i++) {
                    int from = content.length * i / chunks;
                    int to = content.length * (i + 1) / chunks;
                    os.write(content, from, to - from);
                    os.flush();
                    Thread.sleep(250);
                }
            }

            Path summaryFile = out.resolve("summary.json");
            assertTrue(BatchFixtures.poll(() -> scanned(summaryFile) >= 1, 120), BatchFixtures.read(log));
            Thread.sleep(3000); // time enough for a second, wrong, pick-up to show
            assertEquals(1, scanned(summaryFile), BatchFixtures.read(log));
            assertEquals(1, count(BatchFixtures.read(log), "numscan: done: " + target), BatchFixtures.read(log));
            assertEquals("file,reason\n", Files.readString(out.resolve("errors.csv")), "never taken while incomplete");

            StringWriter expected = new StringWriter();
            CsvOutput.writeHeader(expected);
            CsvOutput.writeRows(BatchFixtures.service().scan(target), expected);
            assertEquals(expected.toString(), Files.readString(out.resolve("numbers.csv")));
        } finally {
            p.destroy(); // SIGTERM
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stops on SIGTERM\n" + BatchFixtures.read(log));
        assertTrue(BatchFixtures.read(log).contains("numscan: stopping"), BatchFixtures.read(log));
        assertEquals(1, BatchFixtures.json(out.resolve("summary.json")).get("documents").asInt());
    }

    private static boolean logContains(Path log, String text) {
        try {
            return BatchFixtures.read(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static int scanned(Path summary) {
        try {
            return Files.exists(summary) ? BatchFixtures.json(summary).get("scanned").asInt() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
