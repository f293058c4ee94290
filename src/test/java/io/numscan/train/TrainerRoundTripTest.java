package io.numscan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.classify.DigitClassifier;
import io.numscan.classify.ModelStore;
import io.numscan.train.data.DigitSplits;
import io.numscan.train.eval.ClassifierEvaluator;
import io.numscan.train.eval.Evaluation;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each trainer on 300 digits: train, save, load through the model store, evaluate. */
class TrainerRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"cnn, 0.30", "svm, 0.75", "knn, 0.75"})
    void trainSaveLoadEvaluate(String kind, double floor) throws Exception {
        TrainOptions options = new TrainOptions(Path.of("data"), FontCatalog.SYSTEM_FONTS, dir, 7L, 1, 1, 64, 1e-3,
                1, 0.1, 300, 1, null);
        var progress = new TrainingProgress(new PrintStream(java.io.OutputStream.nullOutputStream()), false);
        DigitTrainer trainer = DigitTrainer.forKind(kind, options, progress);
        assertEquals(kind, trainer.kind());
        DigitTrainer.TrainedModel trained = trainer.train();
        for (String suffix : new String[] {".zip", ".json", ".md"}) {
            assertTrue(Files.isRegularFile(dir.resolve(kind + "-digits" + suffix)), kind + suffix);
        }
        LabelledCrops test = TrainingCorpus.canonicalHandwritten(DigitSplits.load(Path.of("data"), DigitSplits.TEST));
        try (DigitClassifier loaded = new ModelStore(Optional.of(dir)).load(kind)) {
            assertEquals(kind, loaded.kind());
            assertEquals(trained.metadata().version(), loaded.info().version());
            Evaluation e = ClassifierEvaluator.evaluate(loaded, test, "test", Files.size(trained.weights()), false)
                    .evaluation();
            System.out.printf("%s on 300 digits: test accuracy %.4f, macro F1 %.4f%n", kind, e.accuracy(), e.macro().f1());
            // the loaded model gives what the trainer measured before saving
            assertEquals(trained.metadata().testAccuracy(), e.accuracy(), 0.002);
            assertTrue(e.accuracy() > floor, kind + " accuracy " + e.accuracy());
            assertEquals(2000, e.crops());
        }
    }

    @org.junit.jupiter.api.Test
    void theHandwritingReaderTrainsSavesAndLoads() throws Exception {
        TrainOptions options = new TrainOptions(Path.of("data"), FontCatalog.SYSTEM_FONTS, dir, 7L, 1, 1, 64, 1e-3,
                1, 0.1, 300, 1, null);
        var progress = new TrainingProgress(new PrintStream(java.io.OutputStream.nullOutputStream()), false);
        DigitTrainer trainer = DigitTrainer.forKind("handwriting", options, progress);
        DigitTrainer.TrainedModel trained = trainer.train();
        for (String suffix : new String[] {".zip", ".json", ".md"}) {
            assertTrue(Files.isRegularFile(dir.resolve("handwriting-digits" + suffix)), suffix);
        }
        LabelledCrops test = TrainingCorpus.canonicalHandwritten(DigitSplits.load(Path.of("data"), DigitSplits.TEST));
        try (io.numscan.classify.HandwritingClassifier loaded = new ModelStore(Optional.of(dir)).loadHandwriting().orElseThrow()) {
            assertEquals(trained.metadata().version(), loaded.info().version());
            double accuracy = HandwritingTrainer.accuracy(loaded, test);
            System.out.printf("handwriting on 300 digits: test accuracy %.4f%n", accuracy);
            assertEquals(trained.metadata().testAccuracy(), accuracy, 0.002);
            assertTrue(accuracy > 0.5, "accuracy " + accuracy);
        }
        // A page classifier of the same name would be a different model: the store keeps them apart.
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> new ModelStore(Optional.of(dir)).load("handwriting"));
    }
}
