package io.numscan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.numscan.evaluate.CategoryScore;
import io.numscan.evaluate.CorpusEvaluation;
import io.numscan.evaluate.TesseractTsv;
import io.numscan.pipeline.ScanOptions;
import io.numscan.pipeline.ScanService;
import io.numscan.synth.CorpusGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "eval-docs", mixinStandardHelpOptions = true,
        description = {"Reads every document of a labelled corpus (files with <file>.expected.json, e.g. from "
                + "`numscan corpus`) and prints, per category, number-level precision, recall and F1 (exact token "
                + "in the right place) and digit accuracy (1 - edit distance / characters).",
            "With --tesseract, Tesseract's saved TSV output is scored the same way, side by side."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:scored (even when some documents failed; they count as misses)", "1:the corpus could not be read",
            "2:wrong usage"})
public class EvalDocsCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "DIR", description = "Corpus folder.")
    Path dir;

    @Option(names = "--tesseract", paramLabel = "NAME=DIR",
            description = "Also score Tesseract: DIR holds <file>.tsv for each document (repeatable, e.g. psm3=out/psm3).")
    List<String> tesseract = new ArrayList<>();

    @Option(names = "--no-numscan", description = "Score only the --tesseract outputs.")
    boolean noNumscan;

    @Option(names = "--format", defaultValue = "text", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--errors", defaultValue = "0", paramLabel = "N",
            description = "List up to N misread numbers per document (default: ${DEFAULT-VALUE}).")
    int errors;

    @Mixin
    ModelOptions model;

    @Mixin
    ReadingOptions reading;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Path> tesseractDirs = new LinkedHashMap<>();
        for (String t : tesseract) {
            int eq = t.indexOf('=');
            if (eq <= 0 || eq == t.length() - 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--tesseract wants NAME=DIR, got '" + t + "'");
            }
            Path d = Path.of(t.substring(eq + 1));
            if (!Files.isDirectory(d)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--tesseract " + t + ": no such folder");
            }
            tesseractDirs.put("tesseract-" + t.substring(0, eq), d);
        }
        Map<String, CorpusEvaluation.Result> results = new LinkedHashMap<>();
        try {
            CorpusEvaluation.truthFiles(dir);
            if (!noNumscan) {
                ScanOptions options = reading.scanOptions(spec.commandLine());
                ScanService service = Engines.scanService(model, options);
                results.put("numscan", CorpusEvaluation.evaluate(dir, service::scan));
            }
            for (var e : tesseractDirs.entrySet()) {
                results.put(e.getKey(), CorpusEvaluation.evaluate(dir, document -> TesseractTsv.read(
                        e.getValue().resolve(document.getFileName() + ".tsv"), document.getFileName().toString())));
            }
        } catch (IOException e) {
            err.println("numscan: eval-docs: " + e.getMessage());
            return 1;
        }
        if (format == Format.json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
        } else {
            printTable(out, results);
            printProblems(out, results);
        }
        out.flush();
        return 0;
    }

    private void printTable(PrintWriter out, Map<String, CorpusEvaluation.Result> results) {
        out.printf("%-13s %-22s %5s %5s %8s %9s %6s %6s %6s %9s %7s%n", "category", "reader", "docs", "pages",
                "expected", "correct", "P", "R", "F1", "digit-acc", "s/page");
        List<String> categories = new ArrayList<>();
        for (CorpusEvaluation.Result r : results.values()) {
            CorpusEvaluation.ordered(r.categories(), CorpusGenerator.CATEGORIES).keySet().forEach(c -> {
                if (!categories.contains(c)) {
                    categories.add(c);
                }
            });
        }
        for (String category : categories) {
            for (var e : results.entrySet()) {
                CategoryScore s = e.getValue().categories().get(category);
                if (s != null) {
                    row(out, category, e.getKey(), s);
                }
            }
        }
        for (var e : results.entrySet()) {
            row(out, "all", e.getKey(), e.getValue().total());
        }
    }

    private static void row(PrintWriter out, String category, String reader, CategoryScore s) {
        int expected = s.numbers().truePositives() + s.numbers().falseNegatives();
        // Saved Tesseract output is only read here, so its time says nothing about Tesseract's speed.
        String perPage = reader.startsWith("tesseract-") || s.pages() == 0 ? "-"
                : String.format(Locale.ROOT, "%.2f", s.seconds() / s.pages());
        out.printf(Locale.ROOT, "%-13s %-22s %5d %5d %8d %9d %6.3f %6.3f %6.3f %9.4f %7s%n", category, reader,
                s.documents(), s.pages(), expected, s.numbers().truePositives(), s.numbers().precision(),
                s.numbers().recall(), s.numbers().f1(), s.digitAccuracy(), perPage);
    }

    private void printProblems(PrintWriter out, Map<String, CorpusEvaluation.Result> results) {
        for (var e : results.entrySet()) {
            for (CorpusEvaluation.DocumentScore d : e.getValue().documents()) {
                if (d.error() != null) {
                    out.printf("%s: %s: failed: %s%n", e.getKey(), d.file(), d.error());
                } else if (errors > 0 && (!d.missed().isEmpty() || !d.spurious().isEmpty())) {
                    out.printf("%s: %s: missed %s; spurious %s%n", e.getKey(), d.file(),
                            d.missed().subList(0, Math.min(errors, d.missed().size())),
                            d.spurious().subList(0, Math.min(errors, d.spurious().size())));
                }
            }
        }
    }
}
