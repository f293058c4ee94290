package io.numscan.cli;

import io.numscan.ingest.UnreadableDocumentException;
import io.numscan.output.CsvOutput;
import io.numscan.output.JsonOutput;
import io.numscan.pipeline.DocumentResult;
import io.numscan.pipeline.ScanFailure;
import io.numscan.pipeline.ScanOptions;
import io.numscan.pipeline.ScanService;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Reads the numbers in PDFs and images (PNG, JPEG, TIFF); folders are walked recursively.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file was scanned", "1:at least one file could not be scanned", "2:wrong usage"})
public class ScanCommand implements Callable<Integer> {

    enum Format { csv, json }

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Documents or folders of documents.")
    List<Path> inputs;

    @Option(names = "--format", defaultValue = "csv", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--out"}, paramLabel = "PATH", description = "Write here instead of standard output.")
    Path out;

    @Mixin
    ModelOptions model;

    @Mixin
    ReadingOptions reading;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ScanOptions options = reading.scanOptions(spec.commandLine());
        if (out != null) {
            OutputPaths.file(spec, "--out", out);
        }
        ScanService service;
        try {
            service = Engines.scanService(model, options);
        } catch (IOException e) {
            spec.commandLine().getErr().println("numscan: cannot load the model: " + e.getMessage());
            return 1;
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = InputFiles.expand(inputs);
        List<DocumentResult> results = new ArrayList<>();
        List<ScanFailure> failures = new ArrayList<>();
        Path tmp = out == null ? null : Files.createTempFile(absoluteParent(out), ".numscan-", ".tmp");
        try (Writer writer = tmp == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            if (format == Format.csv) {
                CsvOutput.writeHeader(writer);
            }
            for (Path file : files) {
                try {
                    DocumentResult result = service.scan(file);
                    if (format == Format.csv) {
                        CsvOutput.writeRows(result, writer);
                        writer.flush();
                    } else {
                        results.add(result);
                    }
                } catch (UnreadableDocumentException e) {
                    failures.add(new ScanFailure(e.source(), e.getMessage()));
                    err.println("numscan: error: " + e.source() + ": " + e.getMessage());
                    err.flush();
                } catch (RuntimeException e) {
                    // One document's surprise must not cost the others their results.
                    String reason = "internal error: " + e;
                    failures.add(new ScanFailure(file.toString(), reason));
                    err.println("numscan: error: " + file + ": " + reason);
                    err.flush();
                }
            }
            if (format == Format.json) {
                JsonOutput.write(results, failures, writer);
            }
        }
        if (tmp != null) {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return failures.isEmpty() ? 0 : 1;
    }

    private static Path absoluteParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return parent;
    }
}
