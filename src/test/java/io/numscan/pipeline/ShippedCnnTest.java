package io.numscan.pipeline;

import io.numscan.TestPages;
import io.numscan.assemble.RecognizedNumber;
import io.numscan.classify.DigitClassifier;
import io.numscan.classify.ModelStore;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests that read drawn pages through the pipeline with the shipped CNN, loaded once per test class. */
abstract class ShippedCnnTest {
    static DigitClassifier cnn;

    @BeforeAll
    static void loadShippedCnn() throws java.io.IOException {
        cnn = new ModelStore(Optional.of(Path.of("models"))).load("cnn");
    }

    @AfterAll
    static void closeShippedCnn() {
        cnn.close();
    }

    /** The numbers the pipeline reads on {@code image}, as text. */
    static List<String> numbersOn(BufferedImage image) {
        return new ScanService(ScanOptions.DEFAULT, cnn).scanPage(TestPages.page(image)).numbers().stream()
                .map(RecognizedNumber::value).toList();
    }
}
