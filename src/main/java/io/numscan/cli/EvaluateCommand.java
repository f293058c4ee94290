package io.numscan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.numscan.classify.ModelStore;
import io.numscan.train.eval.EvaluationText;
import io.numscan.train.eval.TestSplitEvaluation;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measures a digit classifier on the held-out test split: accuracy, per-class precision, recall "
                + "and F1, confusions, speed and size.")
public class EvaluateCommand implements Callable<Integer> {
    enum Format { text, json }

    @Mixin
    ModelOptions model;

    @Option(names = "--data", defaultValue = "data", description = "Folder with the digit IDX files (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--format", defaultValue = "text", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var measured = TestSplitEvaluation.measure(new ModelStore(Optional.ofNullable(model.modelDir)),
                model.model.name(), TestSplitEvaluation.testCrops(data), true);
        var evaluation = measured.result().evaluation();
        if (format == Format.json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(evaluation));
        } else {
            out.print(EvaluationText.format(evaluation));
        }
        out.flush();
        return 0;
    }
}
