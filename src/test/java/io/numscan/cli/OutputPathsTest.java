package io.numscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a command cannot write, or is given a count that means nothing, it says so before doing any work. */
@QuarkusMainTest
class OutputPathsTest {
    @TempDir
    Path dir;

    @Test
    void aFileWhereAFolderGoesIsAUsageErrorNamingTheOption(QuarkusMainLauncher launcher) throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        for (String[] args : new String[][] {{"batch", "samples", "--out", file.toString()},
            {"corpus", "--out", file.toString()}, {"samples", "--out", file.toString()},
            {"report", "--out", file.toString()}, {"train", "--model", "knn", "--out", file.toString()}}) {
            LaunchResult result = launcher.launch(args);
            assertEquals(2, result.exitCode(), String.join(" ", args) + ": " + result.getErrorOutput());
            assertTrue(result.getErrorOutput().contains("--out " + file + " is a file, not a folder"), result.getErrorOutput());
            assertEquals("x", Files.readString(file));
        }
        LaunchResult scan = launcher.launch("scan", "samples/invoice.pdf", "--out", file.resolve("numbers.csv").toString());
        assertEquals(2, scan.exitCode(), scan.getErrorOutput());
        assertTrue(scan.getErrorOutput().contains("its folder " + file + " is a file, not a folder"), scan.getErrorOutput());
        LaunchResult bench = launcher.launch("bench", "samples", "--json", dir.toString());
        assertEquals(2, bench.exitCode(), bench.getErrorOutput());
        assertTrue(bench.getErrorOutput().contains("--json " + dir + " is a folder, not a file"), bench.getErrorOutput());
    }

    @Test
    void countsThatMeanNothingAreRefused(QuarkusMainLauncher launcher) {
        LaunchResult epochs = launcher.launch("train", "--epochs", "0", "--out", dir.toString());
        assertEquals(2, epochs.exitCode());
        assertTrue(epochs.getErrorOutput().contains("--epochs must be at least 1, was 0"), epochs.getErrorOutput());
        LaunchResult limit = launcher.launch("train", "--limit", "-5", "--out", dir.toString());
        assertEquals(2, limit.exitCode());
        assertTrue(limit.getErrorOutput().contains("--limit must be at least 1, was -5"), limit.getErrorOutput());
        LaunchResult corpus = launcher.launch("samples", "--fields-corpus", "0", "--out", dir.toString());
        assertEquals(2, corpus.exitCode());
        assertTrue(corpus.getErrorOutput().contains("--fields-corpus must be at least 1, was 0"), corpus.getErrorOutput());
        assertFalse(Files.exists(dir.resolve("expected.csv")));
    }
}
