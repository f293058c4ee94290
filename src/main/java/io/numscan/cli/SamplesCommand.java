package io.numscan.cli;

import io.numscan.synth.SampleDocuments;
import io.numscan.synth.fields.FieldCorpus;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "samples", mixinStandardHelpOptions = true,
        description = "Regenerates the sample documents and their expected numbers, and the documents of the extract samples (samples/fields) with their expected.csv (deterministic).")
public class SamplesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Where the documents of the sample extract templates go, under the samples folder, and their seed. */
    static final String FIELD_SAMPLES = "fields";
    static final long FIELD_SAMPLES_SEED = 7000L;

    @Option(names = "--out", defaultValue = "samples", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--data", defaultValue = "data", description = "Digit data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--fields-corpus", paramLabel = "N",
            description = "Instead of the samples, write N invoices (PDF and scan) and N forms (clean and scan) for "
                    + "numscan extract, with their expected.csv (--out is then the corpus folder).")
    Integer fieldsCorpus;

    @Option(names = "--seed", defaultValue = "1000", description = "First seed of the --fields-corpus documents (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (fieldsCorpus != null && fieldsCorpus < 1) {
            throw new ParameterException(spec.commandLine(), "--fields-corpus must be at least 1, was " + fieldsCorpus);
        }
        OutputPaths.folder(spec, "--out", out);
        if (fieldsCorpus != null) {
            for (Path p : new FieldCorpus(data).generate(out, fieldsCorpus, seed, false)) {
                System.out.println("wrote " + p);
            }
            return 0;
        }
        for (Path p : new SampleDocuments(data).generate(out)) {
            System.out.println("wrote " + p);
        }
        for (Path p : new FieldCorpus(data).generate(out.resolve(FIELD_SAMPLES), 2, FIELD_SAMPLES_SEED, true)) {
            System.out.println("wrote " + p);
        }
        return 0;
    }
}
