package io.numscan.train;

import io.numscan.classify.ModelMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Makes a digit classifier: trains on the train split, chooses hyper-parameters on the
 * validation split, measures the test split once, and writes {@code <kind>-digits.zip},
 * {@code .json} and {@code .md} to {@link TrainOptions#outputDir()}, where
 * {@link io.numscan.classify.ModelStore} loads it.
 */
public interface DigitTrainer {
    String kind();

    TrainedModel train() throws IOException;

    /** What a trainer wrote. */
    interface TrainedModel {
        ModelMetadata metadata();

        Path weights();
    }

    record Saved(ModelMetadata metadata, Path weights) implements TrainedModel {
    }

    static DigitTrainer forKind(String kind, TrainOptions options, TrainingProgress progress) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "cnn" -> new CnnTrainer(options, progress);
            case "svm" -> new SvmTrainer(options, progress);
            case "knn" -> new KnnTrainer(options, progress);
            case "handwriting" -> new HandwritingTrainer(options, progress);
            default -> throw new IllegalArgumentException("unknown model kind '" + kind + "'");
        };
    }
}
