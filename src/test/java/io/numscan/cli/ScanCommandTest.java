package io.numscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusMainTest
class ScanCommandTest {
    @TempDir
    Path dir;

    @Test
    void scansGoodFilesAndReportsEachBadOneByName(QuarkusMainLauncher launcher) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pdf"), "%PDF-1.4 nothing here");
        Path empty = Files.createFile(dir.resolve("empty.png"));
        Path out = dir.resolve("out/numbers.csv");
        LaunchResult result = launcher.launch("scan", "samples/invoice.pdf", dir.resolve("missing.tif").toString(),
                junk.toString(), empty.toString(), "--out", out.toString());
        assertEquals(1, result.exitCode(), "a failed file makes the exit code non-zero");
        String err = result.getErrorOutput();
        assertTrue(err.contains("missing.tif: no such file"), err);
        assertTrue(err.contains("junk.pdf: corrupt PDF"), err);
        assertTrue(err.contains("empty.png: file is empty"), err);
        String csv = Files.readString(out);
        assertTrue(csv.startsWith("file,page,value,x,y,width,height,confidence,label\n"), csv);
        assertTrue(csv.contains("samples/invoice.pdf,1,\"1,985.94\","), csv);
        assertTrue(csv.contains("samples/invoice.pdf,1,03/11/2025,"), csv);
    }

    @Test
    void writesJsonWithEveryCharacter(QuarkusMainLauncher launcher) throws Exception {
        Path out = dir.resolve("numbers.json");
        LaunchResult result = launcher.launch("scan", "samples/invoice.pdf", "--format", "json", "--out", out.toString());
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile());
        var numbers = tree.at("/documents/0/pages/0/numbers");
        assertTrue(numbers.size() >= 30, "numbers: " + numbers.size());
        var first = numbers.get(0);
        assertEquals(first.get("value").asText().length(), first.get("characters").size());
        assertTrue(first.at("/characters/0/probability").asDouble() > 0.5);
    }

    @Test
    void rejectsWrongOptions(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("scan", "samples", "--format", "xml");
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("--format"), result.getErrorOutput());
    }
}
