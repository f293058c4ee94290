package io.numscan.cli;

import io.numscan.synth.SampleDocuments;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "samples", mixinStandardHelpOptions = true,
        description = "Regenerates the sample documents and their expected numbers (deterministic).")
public class SamplesCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "samples", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--data", defaultValue = "data", description = "Digit data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws Exception {
        for (Path p : new SampleDocuments(data).generate(out)) {
            System.out.println("wrote " + p);
        }
        return 0;
    }
}
