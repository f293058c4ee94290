package io.numscan.cli;

import io.numscan.classify.ModelStore;
import io.numscan.train.LabelledCrops;
import io.numscan.train.eval.TestSplitEvaluation;
import io.numscan.train.report.HtmlReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes an HTML report (index.html and PNG charts) comparing the digit classifiers on the test split.")
public class ReportCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write index.html and its images to.")
    Path out;

    @Option(names = "--models", split = ",", defaultValue = "cnn,svm,knn",
            description = "Models to compare (default: ${DEFAULT-VALUE}); missing ones are skipped.")
    List<ModelOptions.ModelKind> models;

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "Folder holding the model files (default: ./models if present, else the packaged models).")
    Path modelDir;

    @Option(names = "--data", defaultValue = "data", description = "Folder with the digit IDX files (default: ${DEFAULT-VALUE}).")
    Path data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OutputPaths.folder(spec, "--out", out);
        var err = spec.commandLine().getErr();
        ModelStore store = new ModelStore(Optional.ofNullable(modelDir));
        LabelledCrops crops = TestSplitEvaluation.testCrops(data);
        List<TestSplitEvaluation.Measured> measured = new ArrayList<>();
        for (ModelOptions.ModelKind kind : models) {
            try {
                err.println("evaluating " + kind + " ...");
                measured.add(TestSplitEvaluation.measure(store, kind.name(), crops, true));
            } catch (java.io.IOException e) {
                err.println("skipping " + kind + ": " + e.getMessage());
            }
        }
        if (measured.isEmpty()) {
            err.println("numscan: no model to report on");
            return 1;
        }
        Path index = HtmlReport.write(out, measured);
        spec.commandLine().getOut().println(index.toAbsolutePath());
        return 0;
    }
}
