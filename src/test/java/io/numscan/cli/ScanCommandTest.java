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
        LaunchResult source = launcher.launch("scan", "samples", "--source", "vision");
        assertEquals(2, source.exitCode());
        assertTrue(source.getErrorOutput().contains("--source"), source.getErrorOutput());
        assertTrue(source.getErrorOutput().contains("auto, ocr, text"), source.getErrorOutput());
    }

    @Test
    void sourceTextReadsTextLayersAndRefusesAScanByName(QuarkusMainLauncher launcher) throws Exception {
        Path out = dir.resolve("text.json");
        LaunchResult result = launcher.launch("scan", "samples/invoice.pdf", "samples/invoice-scan.png",
                "--source", "TEXT", "--format", "json", "--out", out.toString());
        assertEquals(1, result.exitCode(), "the scan has no text layer");
        assertTrue(result.getErrorOutput().contains("invoice-scan.png: page 1 has no usable text layer"), result.getErrorOutput());
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile());
        assertEquals(1, tree.at("/documents").size());
        assertEquals("text", tree.at("/documents/0/pages/0/source").asText());
        assertEquals(1, tree.at("/errors").size());
        boolean labelled = false;
        for (var n : tree.at("/documents/0/pages/0/numbers")) {
            labelled |= n.get("value").asText().equals("2024-00173") && n.get("label").asText().equals("Invoice No");
        }
        assertTrue(labelled, tree.toString());
    }

    @Test
    void sourceOcrReadsAVectorPdfFromItsPixels(QuarkusMainLauncher launcher) throws Exception {
        Path out = dir.resolve("ocr.csv");
        LaunchResult result = launcher.launch("scan", "samples/invoice.pdf", "--source", "ocr", "--out", out.toString());
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        String csv = Files.readString(out);
        // OCR knows no labels: every row ends with an empty label field
        assertTrue(csv.contains("samples/invoice.pdf,1,2024-00173,"), csv);
        assertTrue(csv.lines().skip(1).allMatch(l -> l.endsWith(",")), csv);
    }
}
