package io.numscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusMainTest
class BatchCommandTest {
    @TempDir
    Path dir;

    @Test
    void exitsZeroWhenEveryFileIsReadAndOneWhenAnyIsNot(QuarkusMainLauncher launcher) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path form = Files.copy(Path.of("samples/handwritten-form.png"), in.resolve("form.png"), StandardCopyOption.REPLACE_EXISTING);
        Path out = dir.resolve("out");

        LaunchResult ok = launcher.launch("batch", in.toString(), "--out", out.toString(), "--jobs", "1");
        assertEquals(0, ok.exitCode(), ok.getErrorOutput());
        assertTrue(ok.getOutput().contains("1 documents (1 scanned, 0 resumed), 1 pages"), ok.getOutput());
        String csv = Files.readString(out.resolve("numbers.csv"));
        assertTrue(csv.startsWith("file,page,value,x,y,width,height,confidence,label\n" + form + ",1,"), csv);
        assertTrue(Files.exists(out.resolve("json/form.png.json")));

        Files.writeString(in.resolve("notes.txt"), "not a document");
        LaunchResult failed = launcher.launch("batch", in.toString(), "--out", out.toString(), "--format", "json");
        assertEquals(1, failed.exitCode(), failed.getErrorOutput());
        assertTrue(failed.getOutput().contains("(0 scanned, 1 resumed)"), failed.getOutput());
        assertEquals("file,reason\n" + in.resolve("notes.txt") + ",unsupported type\n", Files.readString(out.resolve("errors.csv")));
        assertTrue(Files.exists(out.resolve("numbers.json")));

        LaunchResult textOnly = launcher.launch("batch", in.toString(), "--out", dir.resolve("text").toString(), "--source", "text");
        assertEquals(1, textOnly.exitCode(), textOnly.getErrorOutput());
        assertTrue(Files.readString(dir.resolve("text/errors.csv")).contains(form + ",page 1 has no usable text layer"),
                Files.readString(dir.resolve("text/errors.csv")));
    }

    @Test
    void wrongUsageExitsTwo(QuarkusMainLauncher launcher) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        assertEquals(2, launcher.launch("batch", in.toString()).exitCode(), "--out is required");
        LaunchResult notAFolder = launcher.launch("batch", dir.resolve("missing").toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, notAFolder.exitCode());
        assertTrue(notAFolder.getErrorOutput().contains("not a folder"), notAFolder.getErrorOutput());
        assertEquals(2, launcher.launch("batch", in.toString(), "--out", dir.resolve("o").toString(), "--jobs", "0").exitCode());
        assertEquals(2, launcher.launch("batch", in.toString(), "--out", dir.resolve("o").toString(), "--settle", "soon").exitCode());
        assertEquals(2, launcher.launch("batch", in.toString(), "--out", dir.resolve("o").toString(), "--format", "xml").exitCode());
        assertEquals(2, launcher.launch("batch", in.toString(), "--out", dir.resolve("o").toString(), "--source", "pdf").exitCode());
    }
}
