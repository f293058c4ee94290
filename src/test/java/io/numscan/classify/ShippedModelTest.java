package io.numscan.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.train.Evaluator;
import io.numscan.train.TrainingCorpus;
import io.numscan.train.data.DigitSplits;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The committed model still reaches the accuracy its card states, on the held-out test split. */
class ShippedModelTest {
    @Test
    void reachesTheTestAccuracyOnItsCard() throws Exception {
        try (DigitClassifier model = new ModelStore(Optional.of(Path.of("models"))).load("cnn")) {
            double card = model.info().testAccuracy();
            long[][] confusion = Evaluator.confusion(model,
                    TrainingCorpus.canonicalHandwritten(DigitSplits.load(Path.of("data"), DigitSplits.TEST)));
            double measured = Evaluator.accuracy(confusion);
            System.out.printf("shipped CNN %s: test-split accuracy %.4f (card says %.4f)%n",
                    model.info().version(), measured, card);
            assertEquals(2000, java.util.Arrays.stream(confusion).flatMapToLong(java.util.Arrays::stream).sum());
            assertTrue(measured >= card - 0.0005, "measured " + measured + " < card " + card);
            assertTrue(card > 0.97, "card accuracy " + card);
        }
    }

    @Test
    void versionIsTheHashOfTheWeightsFile() throws Exception {
        try (DigitClassifier model = new ModelStore(Optional.of(Path.of("models"))).load("cnn")) {
            assertEquals(io.numscan.train.ModelFiles.sha256Prefix(Path.of("models", ModelStore.weightsFile("cnn"))),
                    model.info().version());
        }
    }
}
