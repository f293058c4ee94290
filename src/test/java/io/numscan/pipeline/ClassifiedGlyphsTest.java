package io.numscan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.TestPages;
import io.numscan.assemble.RecognizedNumber;
import io.numscan.classify.CountingClassifier;
import io.numscan.preprocess.PreprocessOptions;
import io.numscan.preprocess.Preprocessor;
import io.numscan.segment.Segmenter;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Which glyphs the classifier is asked about: those that may be digits, and not the lower-case rest. */
class ClassifiedGlyphsTest extends ShippedCnnTest {
    @Test
    void lowerCaseLettersAndMarksAreReadByShapeAloneAndTheNumbersStillCome() {
        BufferedImage image = TestPages.draw(1400, 200, g -> {
            g.setFont(TestPages.sans(40));
            g.drawString("amount owed in euro on invoice 1,234.56 or 78", 40, 100);
        });
        int glyphs = new Segmenter().segment(new Preprocessor(PreprocessOptions.DEFAULT).prepare(TestPages.page(image)))
                .glyphs().size();
        CountingClassifier counting = new CountingClassifier(cnn);
        PageResult result = new ScanService(ScanOptions.DEFAULT, counting).scanPage(TestPages.page(image));
        assertEquals(java.util.List.of("1,234.56", "78"), result.numbers().stream().map(RecognizedNumber::value).toList());
        // The digits, and the tall letters (d, i, t, I) that could be digits by height; not the
        // 25 or so x-height letters and the two marks.
        assertTrue(counting.crops() <= glyphs - 20, counting.crops() + " crops for " + glyphs + " glyphs");
        assertTrue(counting.crops() >= 8, "every digit is classified: " + counting.crops());
    }
}
