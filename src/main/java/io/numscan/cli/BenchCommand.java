package io.numscan.cli;

import io.numscan.bench.Bench;
import io.numscan.bench.BenchException;
import io.numscan.bench.BenchOptions;
import io.numscan.bench.BenchReport;
import io.numscan.bench.BenchPages;
import io.numscan.classify.DigitClassifier;
import io.numscan.pipeline.ScanOptions;
import io.numscan.pipeline.ScanService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures speed on a folder of documents: classifier crops/s by batch size, ms per page of "
                + "each stage (scans and PDFs apart), end-to-end pages/s and peak memory of `numscan batch` at each "
                + "worker count, and the same scans through Tesseract side by side with each one's number-level F1.",
            "Prints a table; --json writes the same figures as JSON. Uses every core: run it on an idle machine."})
public class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PAGES_DIR", defaultValue = "samples",
            description = "Documents to read, each with <name>.expected.json for F1 (default: ${DEFAULT-VALUE}).")
    Path pages;

    @Option(names = "--category", paramLabel = "NAME",
            description = "Only the documents of this category of a `numscan corpus` folder, e.g. scan-300.")
    String category;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON here.")
    Path json;

    @Option(names = "--passes", defaultValue = "2", description = "Timed passes over the pages for stage times (default: ${DEFAULT-VALUE}).")
    int passes;

    @Option(names = "--batch-sizes", split = ",", defaultValue = "1,64,512",
            description = "Classifier batch sizes to time (default: ${DEFAULT-VALUE}).")
    List<Integer> batchSizes;

    @Option(names = "--seconds", defaultValue = "5", description = "Measuring time per classifier batch size (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--jobs", split = ",", paramLabel = "N[,N...]",
            description = "Worker counts for the end-to-end batch runs (default: 1 and the number of cores).")
    List<Integer> jobs;

    @Option(names = "--batch-pages", defaultValue = "100",
            description = "Pages per end-to-end batch run, the folder's scans repeated as needed (default: ${DEFAULT-VALUE}).")
    int batchPages;

    @Option(names = "--tesseract-pages", defaultValue = "20",
            description = "Pages Tesseract reads for its pages/s, the folder's scans repeated as needed (default: ${DEFAULT-VALUE}).")
    int tesseractPages;

    @Option(names = "--skip", split = ",", paramLabel = "PART",
            description = "Parts to leave out: ${COMPLETION-CANDIDATES}.")
    List<BenchOptions.Part> skip;

    @Mixin
    ModelOptions model;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        BenchOptions options;
        BenchPages set;
        try {
            options = new BenchOptions(passes, batchSizes, seconds,
                    jobs == null ? List.of(1, cores).stream().distinct().toList() : jobs, batchPages, tesseractPages,
                    skip == null ? List.of() : skip);
            set = BenchPages.load(pages);
            if (category != null) {
                set = set.inCategory(category);
            }
        } catch (IllegalArgumentException | IOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (json != null) {
            OutputPaths.file(spec, "--json", json);
        }
        ScanService service;
        try {
            service = Engines.scanService(model, ScanOptions.DEFAULT);
        } catch (IOException e) {
            spec.commandLine().getErr().println("numscan: cannot load the model: " + e.getMessage());
            return 1;
        }
        try (DigitClassifier classifier = service.classifier()) {
            BenchReport report = new Bench(service, options, System.err, modelArguments()).run(set);
            spec.commandLine().getOut().print(report.table());
            spec.commandLine().getOut().flush();
            if (json != null) {
                Files.writeString(json, report.json());
            }
            return 0;
        } catch (BenchException e) {
            spec.commandLine().getErr().println("numscan: bench: " + e.getMessage());
            return 1;
        }
    }

    /** The model options again, for the `numscan batch` runs the bench starts. */
    private List<String> modelArguments() {
        List<String> args = new java.util.ArrayList<>(List.of("--model", model.model.name()));
        if (model.modelDir != null) {
            args.addAll(List.of("--model-dir", model.modelDir.toAbsolutePath().toString()));
        }
        return args;
    }
}
