package io.numscan.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.numscan.train.data.DigitSplits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forms for tuning are filled with validation digits, so the test digits stay unseen until measured. */
class CorpusFormDigitsTest {
    private static final Path DATA = Path.of("data");

    @Test
    void formsAreFilledFromTheSplitAskedFor(@TempDir Path dir) throws Exception {
        CorpusGenerator generator = new CorpusGenerator(DATA);
        List<CorpusGenerator.Written> test = generator.generate(dir.resolve("test"), 5, 0, 1);
        List<CorpusGenerator.Written> testAgain = generator.generate(dir.resolve("again"), 5, 0, 1, DigitSplits.TEST);
        List<CorpusGenerator.Written> validation = generator.generate(dir.resolve("validation"), 5, 0, 1, DigitSplits.VALIDATION);
        assertEquals(1, validation.size());
        assertEquals(CorpusGenerator.HANDWRITTEN, validation.get(0).category());
        byte[] testPage = Files.readAllBytes(test.get(0).file());
        assertArrayEquals(testPage, Files.readAllBytes(testAgain.get(0).file()));
        assertFalse(java.util.Arrays.equals(testPage, Files.readAllBytes(validation.get(0).file())));
        assertThrows(IllegalArgumentException.class, () -> generator.generate(dir.resolve("x"), 5, 0, 1, "holdout"));
    }
}
