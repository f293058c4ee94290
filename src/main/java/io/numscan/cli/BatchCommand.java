package io.numscan.cli;

import io.numscan.batch.BatchOptions;
import io.numscan.batch.BatchRunner;
import io.numscan.batch.BatchSummary;
import io.numscan.batch.Progress;
import io.numscan.batch.ThreadBudget;
import io.numscan.pipeline.ScanOptions;
import io.numscan.pipeline.ScanService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Reads every document in a folder (recursively) into OUT_DIR: numbers.csv, errors.csv, "
                + "summary.json and json/<file>.json per document. A re-run skips documents already read.",
            "Every file ends up in numbers.csv or errors.csv; files of other types are listed as \"unsupported type\"."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file was read", "1:at least one file failed or is not a supported type", "2:wrong usage"})
public class BatchCommand implements Callable<Integer> {

    enum Format { csv, json }

    @Parameters(index = "0", paramLabel = "IN_DIR", description = "Folder of documents.")
    Path input;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT_DIR", description = "Folder for the results.")
    Path out;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Workers rendering and segmenting pages (default: the number of cores).")
    Integer jobs;

    @Option(names = "--format", defaultValue = "csv",
            description = "csv: numbers.csv; json: also numbers.json with every document and error (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--watch", description = "Keep running: read each file dropped into IN_DIR once it is completely written.")
    boolean watch;

    @Option(names = "--settle", defaultValue = "2s", paramLabel = "DURATION",
            description = "With --watch: a file is taken once its size and time stayed unchanged this long, e.g. 2s, 500ms (default: ${DEFAULT-VALUE}).")
    String settle;

    @Mixin
    ModelOptions model;

    @Mixin
    ReadingOptions reading;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        int workers = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (!Files.isDirectory(input)) {
            throw new ParameterException(spec.commandLine(), "IN_DIR is not a folder: " + input);
        }
        OutputPaths.folder(spec, "--out", out);
        BatchOptions options;
        try {
            Duration settleTime = parseDuration(settle);
            options = new BatchOptions(input, out, workers, format == Format.json, watch, settleTime,
                    Duration.ofMillis(Math.max(100, Math.min(1000, settleTime.toMillis() / 4))));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ScanOptions scan = reading.scanOptions(spec.commandLine());
        ThreadBudget.beforeNativeLoad(workers);
        ScanService service;
        try {
            service = Engines.scanService(model, scan);
        } catch (IOException e) {
            spec.commandLine().getErr().println("numscan: cannot load the model: " + e.getMessage());
            return 1;
        }
        ThreadBudget.apply(workers);
        Progress progress = Progress.forStream(System.err, System.console() != null, 10);
        BatchRunner runner = new BatchRunner(service, options, progress, System.err);
        // On SIGTERM or Ctrl+C the JVM runs its shutdown hooks (Quarkus' among them) and exits
        // when they return: this one holds the exit until the documents in flight are finished
        // and the outputs written.
        Thread hook = new Thread(() -> {
            runner.requestStop();
            try {
                runner.awaitFinished(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "numscan-batch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        BatchSummary summary = runner.run();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running and sees the run finished
        }
        System.out.println(summary.line());
        System.out.flush();
        return summary.exitCode();
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--settle: not a duration: " + text + " (e.g. 2s, 500ms)");
        }
    }
}
