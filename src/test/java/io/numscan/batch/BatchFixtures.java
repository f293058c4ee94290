package io.numscan.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.numscan.classify.ModelStore;
import io.numscan.pipeline.ScanOptions;
import io.numscan.pipeline.ScanService;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Shared by the batch tests: the service, sample copies, child processes and polling. */
final class BatchFixtures {
    static final Path SAMPLES = Path.of("samples");
    private static ScanService service;

    private BatchFixtures() {
    }

    static synchronized ScanService service() throws IOException {
        if (service == null) {
            service = ScanService.withModels(ScanOptions.DEFAULT, new ModelStore(Optional.empty()), "cnn");
        }
        return service;
    }

    /** A copy of a sample with a distinct content hash: bytes after a PNG's IEND chunk are ignored by readers. */
    static Path copySample(String sample, Path target, int variant) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        byte[] bytes = Files.readAllBytes(SAMPLES.resolve(sample));
        byte[] tail = ("\ncopy " + variant + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[bytes.length + (variant == 0 ? 0 : tail.length)];
        System.arraycopy(bytes, 0, all, 0, bytes.length);
        if (variant != 0) {
            System.arraycopy(tail, 0, all, bytes.length, tail.length);
        }
        return Files.write(target, all);
    }

    static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /** Starts {@link BatchTestMain} in a JVM of its own, its stdout and stderr going to {@code log}. */
    static Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx2g");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BatchTestMain.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Polls until {@code condition} holds; false after {@code seconds}. Generous timeouts: the machine may be loaded. */
    static boolean poll(BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    static int count(Path dir, String suffix) {
        File[] files = dir.toFile().listFiles((d, n) -> n.endsWith(suffix));
        return files == null ? 0 : files.length;
    }
}
