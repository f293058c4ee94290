package io.numscan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.numscan.ingest.Document;
import io.numscan.ingest.DocumentReader;
import io.numscan.ingest.IngestLimits;
import io.numscan.ingest.UnreadableDocumentException;
import io.numscan.output.JsonOutput;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * End-to-end throughput and memory of {@code numscan batch} as a user runs it: a fresh process
 * per worker count reads a folder of {@code pages} pages, and this class watches its peak
 * resident memory (VmHWM) while it runs. Pages/s is the batch's own figure (wall time from the
 * first document to the outputs, model loading and JVM start not included).
 *
 * <p>The folder is the bench documents repeated until there are enough pages. The batch skips
 * content it has read before (by SHA-256), so each copy gets a unique trailer after the file's
 * end: PNG, JPEG and TIFF decoders stop at their end marker and PDF readers at the last
 * {@code %%EOF}, so every copy reads exactly as its original.
 */
public final class BatchBench {
    public record Result(int jobs, int documents, int pages, double pagesPerSecond, double wallSeconds,
            double processSeconds, long peakRssBytes) {
    }

    private final List<String> modelArguments;
    private final PrintStream log;

    public BatchBench(List<String> modelArguments, PrintStream log) {
        this.modelArguments = List.copyOf(modelArguments);
        this.log = log;
    }

    /** Writes copies of {@code documents} into {@code folder} until they hold at least {@code pages} pages. */
    static int stage(List<BenchPages.Entry> documents, int pages, Path folder) throws IOException {
        if (documents.isEmpty()) {
            throw new BenchException("no documents to repeat");
        }
        DocumentReader reader = new DocumentReader(IngestLimits.DEFAULT);
        int[] pageCounts = new int[documents.size()];
        for (int i = 0; i < documents.size(); i++) {
            try (Document d = reader.open(documents.get(i).file())) {
                pageCounts[i] = d.pageCount();
            } catch (UnreadableDocumentException e) {
                throw new BenchException(e.getMessage(), e);
            }
        }
        Files.createDirectories(folder);
        int staged = 0;
        int copy = 0;
        while (staged < pages) {
            int i = copy % documents.size();
            Path source = documents.get(i).file();
            String name = source.getFileName().toString();
            Path target = folder.resolve(String.format("%05d-%s", copy, name));
            byte[] content = Files.readAllBytes(source);
            byte[] trailer = ("\n%numscan-bench copy " + copy + "\n").getBytes(StandardCharsets.US_ASCII);
            byte[] out = java.util.Arrays.copyOf(content, content.length + trailer.length);
            System.arraycopy(trailer, 0, out, content.length, trailer.length);
            Files.write(target, out);
            staged += pageCounts[i];
            copy++;
        }
        return copy;
    }

    public Result run(List<BenchPages.Entry> documents, int pages, int jobs) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("numscan-bench-batch");
        try {
            Path in = work.resolve("in");
            Path out = work.resolve("out");
            int count = stage(documents, pages, in);
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(jvmArguments());
            command.addAll(List.of("-jar", runnerJar(), "batch", in.toString(), "--out", out.toString(),
                    "--jobs", Integer.toString(jobs)));
            command.addAll(modelArguments);
            log.println("numscan: bench: numscan batch, " + count + " documents, --jobs " + jobs);
            log.flush();
            Path output = work.resolve("batch.log");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            long peak = 0;
            while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, peakRss(process.pid()));
            }
            double processSeconds = (System.nanoTime() - start) / 1e9;
            if (process.exitValue() != 0) {
                throw new BenchException("numscan batch --jobs " + jobs + " failed (exit " + process.exitValue() + "): "
                        + tail(output));
            }
            if (peak == 0) {
                throw new BenchException("could not read the batch process's memory from /proc (Linux only)");
            }
            JsonNode summary = JsonOutput.mapper().readTree(out.resolve("summary.json").toFile());
            return new Result(jobs, count, summary.path("pagesScanned").asInt(), summary.path("pagesPerSecond").asDouble(),
                    summary.path("wallSeconds").asDouble(), processSeconds, peak);
        } finally {
            deleteTree(work);
        }
    }

    /** The packaged application this JVM runs from: the bench starts it again for each batch. */
    private static String runnerJar() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            throw new BenchException("the end-to-end runs start the packaged application again; run the bench as "
                    + "./numscan bench (or java -jar quarkus-run.jar bench), or leave them out with --skip batch");
        }
        return Path.of(classPath).toAbsolutePath().toString();
    }

    /** This JVM's options (heap size and the like), less those that would attach tools twice. */
    private static List<String> jvmArguments() {
        List<String> args = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-XX:StartFlightRecording") || a.startsWith("-XX:FlightRecorderOptions")
                    || a.startsWith("-agentlib") || a.startsWith("-agentpath") || a.startsWith("-javaagent")
                    || a.startsWith("-Xrunjdwp")) {
                continue;
            }
            args.add(a);
        }
        return args;
    }

    /** Peak resident set of a live process in bytes (0 once it is gone). */
    static long peakRss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
