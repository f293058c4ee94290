package io.numscan.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.train.Evaluator;
import io.numscan.train.TrainingCorpus;
import io.numscan.train.data.DigitSplits;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The committed models still reach the accuracy its card states, on the held-out test split. */
class ShippedModelTest {
    @ParameterizedTest
    @ValueSource(strings = {"cnn", "svm", "knn"})
    void reachesTheTestAccuracyOnItsCard(String kind) throws Exception {
        try (DigitClassifier model = new ModelStore(Optional.of(Path.of("models"))).load(kind)) {
            double card = model.info().testAccuracy();
            long[][] confusion = Evaluator.confusion(model,
                    TrainingCorpus.canonicalHandwritten(DigitSplits.load(Path.of("data"), DigitSplits.TEST)));
            double measured = Evaluator.accuracy(confusion);
            System.out.printf("shipped %s %s: test-split accuracy %.4f (card says %.4f)%n",
                    kind, model.info().version(), measured, card);
            assertEquals(2000, java.util.Arrays.stream(confusion).flatMapToLong(java.util.Arrays::stream).sum());
            assertTrue(measured >= card - 0.0005, "measured " + measured + " < card " + card);
            assertTrue(card > 0.95, "card accuracy " + card);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cnn", "svm", "knn"})
    void versionIsTheHashOfTheWeightsFile(String kind) throws Exception {
        try (DigitClassifier model = new ModelStore(Optional.of(Path.of("models"))).load(kind)) {
            assertEquals(io.numscan.train.ModelFiles.sha256Prefix(Path.of("models", ModelStore.weightsFile(kind))),
                    model.info().version());
        }
    }
}
