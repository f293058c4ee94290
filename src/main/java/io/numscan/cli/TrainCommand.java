package io.numscan.cli;

import io.numscan.train.DigitTrainer;
import io.numscan.train.FontCatalog;
import io.numscan.train.TrainOptions;
import io.numscan.train.TrainingProgress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a digit classifier (CNN, SVM or k-NN) and writes it with its model card.")
public class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", defaultValue = "cnn", description = "Classifier to train: ${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE}); handwriting is the form fields' digit reader, used beside any of the others.")
    TrainedKind model;

    enum TrainedKind { cnn, svm, knn, handwriting }

    @Option(names = "--mnist-dir", paramLabel = "DIR", description = "Train on the full MNIST IDX files in DIR "
            + "(validation = last 10%% of the train file, test = t10k) instead of --data.")
    Path mnistDir;

    @Option(names = "--data", defaultValue = "data", description = "Folder with the digit IDX files (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--fonts", description = "Folder searched for fonts (default: /usr/share/fonts).")
    Path fonts;

    @Option(names = "--out", defaultValue = "models", description = "Where to write the model (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", description = "Random seed (default: the one on the shipped model's card).")
    Long seed;

    @Option(names = "--epochs", description = "Most epochs to run (default: 14; stops earlier when validation stalls).")
    Integer epochs;

    @Option(names = "--limit", description = "Use only this many handwritten training digits (for quick trials).")
    Integer limit;

    @Override
    public Integer call() throws Exception {
        if (epochs != null && epochs < 1) {
            throw new ParameterException(spec.commandLine(), "--epochs must be at least 1, was " + epochs);
        }
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, was " + limit);
        }
        OutputPaths.folder(spec, "--out", out);
        TrainOptions d = TrainOptions.defaults(data, out);
        TrainOptions options = new TrainOptions(data, fonts == null ? FontCatalog.SYSTEM_FONTS : fonts, out,
                seed == null ? d.seed() : seed, epochs == null ? d.maxEpochs() : epochs, d.patience(), d.batchSize(),
                d.learningRate(), d.printedPerDigit(), d.negativeShare(), limit == null ? 0 : limit, d.handwrittenRepeats(), mnistDir);
        TrainingProgress progress = new TrainingProgress(System.out, System.console() != null);
        DigitTrainer.forKind(model.name(), options, progress).train();
        return 0;
    }
}
