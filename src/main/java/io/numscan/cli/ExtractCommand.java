package io.numscan.cli;

import io.numscan.evaluate.FieldAccuracy;
import io.numscan.extract.ExtractService;
import io.numscan.extract.ExtractedDocument;
import io.numscan.extract.FieldExtractor;
import io.numscan.extract.Template;
import io.numscan.extract.TemplateException;
import io.numscan.extract.TemplateLoader;
import io.numscan.ingest.UnreadableDocumentException;
import io.numscan.output.FieldsCsvOutput;
import io.numscan.pipeline.ScanOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Reads named fields (invoice number, date, net, tax, total; a form's boxes) into a CSV with one "
                + "row per document, using templates (JSON; see samples/fields/README.md).",
            "Each document gets the first template whose 'match' it fits; folders are walked recursively."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every document was read (rows with failed checks are flagged, not an error)",
            "1:at least one document could not be read", "2:wrong usage or an invalid template"})
public class ExtractCommand implements Callable<Integer> {

    @Option(names = {"-t", "--template"}, required = true, paramLabel = "T",
            description = "A template file (*.json) or a folder of them; repeat for more; tried in order.")
    List<Path> templates;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Documents or folders of documents.")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "PATH", description = "Write the CSV here instead of standard output.")
    Path out;

    @Option(names = "--expected", paramLabel = "CSV",
            description = "Compare with this expected CSV (file,template,kind,<fields>; see numscan samples --fields-corpus) "
                    + "and print the field-level accuracy on standard error.")
    Path expected;

    @Mixin
    ModelOptions model;

    @Mixin
    ReadingOptions reading;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (out != null) {
            OutputPaths.file(spec, "--out", out);
        }
        List<Template> loaded;
        try {
            loaded = TemplateLoader.load(templates);
        } catch (TemplateException e) {
            err.println("numscan: template error: " + e.getMessage());
            return 2;
        }
        ScanOptions options = reading.scanOptions(spec.commandLine());
        ExtractService service;
        try {
            service = new ExtractService(Engines.scanService(model, options), new FieldExtractor(loaded));
        } catch (IOException e) {
            err.println("numscan: cannot load the model: " + e.getMessage());
            return 1;
        }
        FieldAccuracy accuracy = null;
        if (expected != null) {
            try {
                accuracy = new FieldAccuracy(FieldAccuracy.readExpected(expected), loaded);
            } catch (IOException e) {
                err.println("numscan: cannot read the expected CSV: " + e.getMessage());
                return 2;
            }
        }
        FieldsCsvOutput csv = new FieldsCsvOutput(loaded);
        List<Path> files = InputFiles.expand(inputs);
        int failures = 0;
        Path tmp = out == null ? null : Files.createTempFile(absoluteParent(out), ".numscan-", ".tmp");
        try (Writer writer = tmp == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            csv.writeHeader(writer);
            for (Path file : files) {
                String reason;
                try {
                    ExtractedDocument row = service.extract(file).fields();
                    csv.writeRow(row, writer);
                    writer.flush();
                    if (accuracy != null) {
                        accuracy.add(row);
                    }
                    continue;
                } catch (UnreadableDocumentException e) {
                    reason = e.getMessage();
                } catch (RuntimeException e) {
                    // One document's surprise must not cost the others their rows.
                    reason = "internal error: " + e;
                }
                failures++;
                err.println("numscan: error: " + file + ": " + reason);
                err.flush();
                // The row stays, so every input is accounted for in the spreadsheet.
                csv.writeRow(new ExtractedDocument(file.toString(), Optional.empty(), List.of(), List.of(),
                        List.of("cannot read: " + reason), false), writer);
            }
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
            throw e;
        }
        if (tmp != null) {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        if (accuracy != null) {
            accuracy.mistakes().forEach(m -> err.println("mistake: " + m));
            err.print(accuracy.report());
            err.flush();
        }
        return failures == 0 ? 0 : 1;
    }

    private static Path absoluteParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return parent;
    }
}
