package io.numscan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.assemble.RecognizedNumber;
import io.numscan.classify.DigitClasses;
import io.numscan.classify.DigitClassifier;
import io.numscan.classify.HandwritingClassifier;
import io.numscan.classify.ModelInfo;
import io.numscan.classify.ModelStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The digits of form fields are read by the handwriting reader with the page classifier. */
class HandwrittenFieldsTest extends ShippedCnnTest {
    private static final Path FORM = Path.of("samples", "handwritten-form.png");
    private static final List<String> FIELDS = List.of("160920", "48324", "90800", "452", "586742103");

    @Test
    void fieldDigitsComeFromTheHandwritingReader() throws Exception {
        DigitClassifier pairBlind = new PairBlindDigits(cnn);
        try (HandwritingClassifier handwriting = new ModelStore(Optional.of(Path.of("models"))).loadHandwriting().orElseThrow()) {
            // The page classifier cannot tell a 2 from a 3 (nor 0 from 1, 4 from 5, ...); in fields
            // the handwriting reader tells them apart.
            assertEquals(FIELDS, values(new ScanService(ScanOptions.DEFAULT, pairBlind, handwriting)));
            assertEquals(FIELDS, values(new ScanService(ScanOptions.DEFAULT, cnn, handwriting)));
        }
        List<String> withoutReader = values(new ScanService(ScanOptions.DEFAULT, pairBlind));
        assertTrue(withoutReader.stream().noneMatch(FIELDS::contains), withoutReader.toString());
    }

    private static List<String> values(ScanService service) throws Exception {
        return service.scan(FORM).pages().get(0).numbers().stream().map(RecognizedNumber::value).toList();
    }

    /** The shipped CNN, unable to tell the digits of each pair 0-1, 2-3, ..., 8-9 apart: it gives both their mean. */
    private record PairBlindDigits(DigitClassifier inner) implements DigitClassifier {
        @Override
        public String kind() {
            return inner.kind();
        }

        @Override
        public ModelInfo info() {
            return inner.info();
        }

        @Override
        public void predict(float[] crops, int count, float[] probabilities) {
            inner.predict(crops, count, probabilities);
            for (int i = 0; i < count; i++) {
                for (int d = 0; d < 10; d += 2) {
                    int at = i * DigitClasses.COUNT + d;
                    float mean = (probabilities[at] + probabilities[at + 1]) / 2;
                    probabilities[at] = mean;
                    probabilities[at + 1] = mean;
                }
            }
        }
    }
}
