package io.numscan.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.train.HandwritingTrainer;
import io.numscan.train.ModelFiles;
import io.numscan.train.TrainingCorpus;
import io.numscan.train.data.DigitSplits;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandwritingClassifierTest {
    @Test
    void theHandwritingReaderSaysWhichDigitAndThePageClassifierWhetherItIsOne() {
        // The page classifier: a 7 at 0.5, a 1 at 0.2, not a digit at 0.3.
        float[] page = new float[DigitClasses.COUNT];
        page[7] = 0.5f;
        page[1] = 0.2f;
        page[DigitClasses.NOT_A_DIGIT] = 0.3f;
        // Handwriting reads a 1 (0.9), a 7 (0.1): the page classifier's 7 is outvoted.
        float[] handwritten = new float[2 + HandwritingClassifier.CLASSES];
        handwritten[2 + 1] = 0.9f;
        handwritten[2 + 7] = 0.1f;
        float[] read = Arrays.copyOf(page, page.length);
        HandwritingClassifier.readDigitsAsHandwriting(read, 0, handwritten, 2);
        // Digits: the geometric mean of both models' readings, in the page classifier's digit share (0.7).
        double one = Math.sqrt(0.2 * 0.9);
        double seven = Math.sqrt(0.5 * 0.1);
        assertEquals(0.3f, read[DigitClasses.NOT_A_DIGIT], 1e-6);
        assertEquals(0.7 * one / (one + seven), read[1], 1e-4);
        assertEquals(0.7 * seven / (one + seven), read[7], 1e-4);
        assertEquals(0.7, read[1] + read[7] + read[0] + read[9], 1e-4);
        Classification c = Classification.fromProbabilities(read, 0);
        assertEquals(1, c.label());
        assertEquals(1, c.bestDigit());
        // A glyph the page classifier surely calls no digit stays no digit, whatever handwriting reads.
        float[] letter = new float[DigitClasses.COUNT];
        letter[DigitClasses.NOT_A_DIGIT] = 0.8f;
        letter[4] = 0.2f;
        HandwritingClassifier.readDigitsAsHandwriting(letter, 0, handwritten, 2);
        assertEquals(DigitClasses.NOT_A_DIGIT, Classification.fromProbabilities(letter, 0).label());
        assertEquals(1, Classification.fromProbabilities(letter, 0).bestDigit());
    }

    @Test
    void theShippedReaderReachesTheTestAccuracyOnItsCardAndItsVersionIsItsHash() throws Exception {
        try (HandwritingClassifier reader = new ModelStore(Optional.of(Path.of("models"))).loadHandwriting().orElseThrow()) {
            double card = reader.info().testAccuracy();
            double measured = HandwritingTrainer.accuracy(reader,
                    TrainingCorpus.canonicalHandwritten(DigitSplits.load(Path.of("data"), DigitSplits.TEST)));
            System.out.printf("shipped handwriting %s: test-split accuracy %.4f (card says %.4f)%n",
                    reader.info().version(), measured, card);
            assertTrue(measured >= card - 0.0005, "measured " + measured + " < card " + card);
            assertTrue(card > 0.97, "card accuracy " + card);
            assertEquals(ModelFiles.sha256Prefix(Path.of("models", ModelStore.weightsFile(HandwritingClassifier.KIND))),
                    reader.info().version());
        }
    }

    @Test
    void aModelFolderWithoutTheReaderLeavesFieldsToThePageClassifier(@org.junit.jupiter.api.io.TempDir Path empty) throws Exception {
        assertTrue(new ModelStore(Optional.of(empty)).loadHandwriting().isEmpty());
    }

    @Test
    void aBrokenModelFileIsNamedInTheError(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        for (String kind : new String[] {HandwritingClassifier.KIND, "cnn"}) {
            java.nio.file.Files.copy(Path.of("models", ModelStore.metadataFile(kind)), dir.resolve(ModelStore.metadataFile(kind)));
            java.nio.file.Files.writeString(dir.resolve(ModelStore.weightsFile(kind)), "not a zip");
        }
        ModelStore store = new ModelStore(Optional.of(dir));
        java.io.IOException reader = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, store::loadHandwriting);
        assertTrue(reader.getMessage().contains(dir.resolve("handwriting-digits.zip").toString()), reader.getMessage());
        java.io.IOException page = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> store.load("cnn"));
        assertTrue(page.getMessage().contains("cnn-digits.zip") && page.getMessage().contains("not a DL4J network"), page.getMessage());
    }
}
