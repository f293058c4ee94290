package io.numscan.pipeline;

import io.numscan.classify.Classification;
import io.numscan.classify.DigitClasses;
import io.numscan.geom.Box;
import io.numscan.geom.GrayImage;
import io.numscan.segment.Glyph;
import io.numscan.segment.LabelImage;
import io.numscan.segment.Segmenter;

/** Glyphs and classifier answers made up for the tests of how a reading is judged. */
final class ReadingFixtures {
    /** Labels of an empty page: the readings under test are judged by their boxes alone. */
    static final LabelImage NO_LABELS = new Segmenter()
            .segmentRegion(GrayImage.wrap(400, 200, new byte[400 * 200]), new Box(0, 0, 400, 200)).labels();

    private ReadingFixtures() {
    }

    static Glyph glyph(int x, int y, int width, int height) {
        return new Glyph(new Box(x, y, width, height), new int[] {x}, width * height / 3);
    }

    static Classification digit(int d, double p) {
        return new Classification(d, (float) p, d, (float) p);
    }

    static Classification symbol(double p) {
        return new Classification(DigitClasses.NOT_A_DIGIT, (float) p, 1, (float) (1 - p));
    }
}
