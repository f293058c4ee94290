package io.numscan.cli;

import io.numscan.synth.CorpusGenerator;
import io.numscan.train.data.DigitSplits;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = {"Generates a labelled evaluation corpus, deterministic from the seed: varied invoices as vector "
                + "PDF, 300-DPI and 200-DPI scans (PNG, grey and fax TIFF, image-only PDF), and handwritten forms "
                + "filled with test-split digits (or validation digits, for tuning); each with <file>.expected.json. Score it with eval-docs."})
public class CorpusCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path out;

    @Option(names = "--seed", defaultValue = "2025", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--invoices", defaultValue = "20", description = "Invoices, each written in three categories (default: ${DEFAULT-VALUE}).")
    int invoices;

    @Option(names = "--forms", defaultValue = "25", description = "Handwritten forms (default: ${DEFAULT-VALUE}).")
    int forms;

    @Option(names = "--form-digits", defaultValue = "test", paramLabel = "SPLIT",
            description = "Digit split the forms are filled from: test, for measuring (default: ${DEFAULT-VALUE}), or validation, for tuning.")
    String formDigits;

    @Option(names = "--data", defaultValue = "data", description = "Digit data folder, for the forms' test digits (default: ${DEFAULT-VALUE}).")
    Path data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (invoices < 0 || forms < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--invoices and --forms must be 0 or more");
        }
        if (!formDigits.equals(DigitSplits.TEST) && !formDigits.equals(DigitSplits.VALIDATION)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--form-digits must be test or validation, not " + formDigits + " (the train split is what the models learned from)");
        }
        OutputPaths.folder(spec, "--out", out);
        List<CorpusGenerator.Written> written = new CorpusGenerator(data).generate(out, seed, invoices, forms, formDigits);
        int pages = 0;
        for (CorpusGenerator.Written w : written) {
            pages += w.pages();
        }
        for (String category : CorpusGenerator.CATEGORIES) {
            long docs = written.stream().filter(w -> w.category().equals(category)).count();
            int p = written.stream().filter(w -> w.category().equals(category)).mapToInt(CorpusGenerator.Written::pages).sum();
            spec.commandLine().getOut().printf("%-12s %4d documents %5d pages%n", category, docs, p);
        }
        spec.commandLine().getOut().printf("wrote %d documents, %d pages, into %s%n", written.size(), pages, out);
        return 0;
    }
}
