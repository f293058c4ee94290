package io.numscan.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.TestPages;
import io.numscan.geom.Box;
import io.numscan.segment.Glyph;
import io.numscan.segment.SegmentedPage;
import java.awt.BasicStroke;
import java.util.List;
import org.junit.jupiter.api.Test;

class TouchingDigitSplitterTest {
    /**
     * Stands in for a trained model: a crop whose ink is an upright oval (narrower than tall) is a
     * confident 0; anything else is not a digit.
     */
    static final class OvalIsZero implements DigitClassifier {
        @Override
        public String kind() {
            return "test";
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("test", "0", 1, "none", "test");
        }

        @Override
        public void predict(float[] crops, int count, float[] probabilities) {
            for (int i = 0; i < count; i++) {
                int o = i * CropNormalizer.PIXELS;
                int minX = 28;
                int maxX = -1;
                for (int p = 0; p < CropNormalizer.PIXELS; p++) {
                    if (crops[o + p] > 0.3f) {
                        minX = Math.min(minX, p % 28);
                        maxX = Math.max(maxX, p % 28);
                    }
                }
                double aspect = (maxX - minX + 1) / 20.0;
                // A ring: across the middle row, ink at both sides and paper between.
                boolean leftWall = crops[o + 14 * 28 + minX] > 0.3f || crops[o + 14 * 28 + minX + 1] > 0.3f;
                boolean rightWall = crops[o + 14 * 28 + maxX] > 0.3f || crops[o + 14 * 28 + maxX - 1] > 0.3f;
                boolean hollow = crops[o + 14 * 28 + (minX + maxX) / 2] < 0.3f;
                boolean oval = aspect > 0.4 && aspect < 0.85 && leftWall && rightWall && hollow;
                java.util.Arrays.fill(probabilities, i * 11, i * 11 + 11, 0.005f);
                probabilities[i * 11 + (oval ? 0 : DigitClasses.NOT_A_DIGIT)] = 0.95f;
            }
        }
    }

    private static SegmentedPage page(java.awt.image.BufferedImage image) {
        return TestPages.segmented(image);
    }

    /** {@code count} 50x80 rings drawn 46 pixels apart, so that each touches the next. */
    private static SegmentedPage touchingRings(int width, int count) {
        return page(TestPages.draw(width, 400, g -> {
            g.setStroke(new BasicStroke(6));
            for (int i = 0; i < count; i++) {
                g.drawOval(50 + 46 * i, 50, 50, 80);
            }
        }));
    }

    @Test
    void aGlyphTooWideForOneDigitThatReadsAsOneAtACoinTossIsCutBesideItsSymbol() {
        // A fax's $ run into the 4 after it reads whole as a 4 at 0.44: a symbol and a digit.
        SegmentedPage page = page(TestPages.draw(600, 400, g -> {
            g.fillRect(50, 50, 70, 86);
            g.setStroke(new BasicStroke(6));
            g.drawOval(117, 53, 50, 80);
        }));
        assertEquals(1, page.glyphs().size(), "the symbol touches the digit");
        Glyph both = page.glyphs().get(0);
        GlyphClassifier classifier = new GlyphClassifier(new OvalIsZero(), 16);
        TouchingDigitSplitter splitter = new TouchingDigitSplitter(classifier);
        TouchingDigitSplitter.Split split = splitter.trySplit(page.labels(), both, new Classification(0, 0.44f, 0, 0.44f), 1);
        assertTrue(split != null, "cut apart");
        assertEquals(List.of(DigitClasses.NOT_A_DIGIT, 0), split.classes().stream().map(Classification::label).toList());
        // Read whole as a fair digit, it stays whole.
        assertNull(splitter.trySplit(page.labels(), both, new Classification(0, 0.6f, 0, 0.6f), 1));
    }

    @Test
    void cutsTwoTouchingZerosApartAtTheirJoint() {
        SegmentedPage page = touchingRings(600, 2);
        assertEquals(1, page.glyphs().size(), "the ovals touch");
        Glyph pair = page.glyphs().get(0);
        GlyphClassifier classifier = new GlyphClassifier(new OvalIsZero(), 16);
        Classification whole = classifier.classify(page.labels(), page.glyphs()).get(0);
        assertEquals(DigitClasses.NOT_A_DIGIT, whole.label());

        TouchingDigitSplitter.Split split = new TouchingDigitSplitter(classifier).trySplit(page.labels(), pair, whole, 1);
        assertEquals(2, split.parts().size());
        assertEquals(0, split.classes().get(0).label());
        assertEquals(0, split.classes().get(1).label());
        int cut = split.parts().get(0).box().right();
        assertTrue(cut >= 92 && cut <= 106, "cut at the joint, was " + cut);
    }

    @Test
    void cutsThreeTouchingZerosAndTriesAgainOnlySidesOfCutsThatCanStillWin() {
        SegmentedPage page = touchingRings(700, 3);
        assertEquals(1, page.glyphs().size(), "the ovals touch");
        Glyph triple = page.glyphs().get(0);
        CountingClassifier counting = new CountingClassifier(new OvalIsZero());
        GlyphClassifier classifier = new GlyphClassifier(counting, 16);
        Classification whole = classifier.classify(page.labels(), page.glyphs()).get(0);
        counting.reset();

        TouchingDigitSplitter.Split split = new TouchingDigitSplitter(classifier).trySplit(page.labels(), triple, whole, 1);

        assertEquals(3, split.parts().size());
        assertTrue(split.classes().stream().allMatch(c -> c.label() == 0), split.classes().toString());
        // A cut leaving a side that reads as no digit and is too narrow to hold two cannot win,
        // so its other side is not cut again: 88 crops, where trying every wide side took 152.
        assertTrue(counting.crops() <= 100, "crops classified: " + counting.crops());
    }

    @Test
    void triesAFewEvenCutsAndTheThinnestColumns() {
        // 60 columns: ink 10 everywhere but a joint of 2 at column 37.
        int[] columnInk = new int[60];
        java.util.Arrays.fill(columnInk, 10);
        columnInk[37] = 2;
        List<Integer> cuts = TouchingDigitSplitter.candidateCuts(columnInk);
        assertTrue(cuts.contains(37), "the joint: " + cuts);
        assertTrue(cuts.size() <= 11, "each cut costs two crops: " + cuts);
        assertTrue(cuts.stream().allMatch(x -> x >= 15 && x < 45), "within the middle half: " + cuts);
    }

    @Test
    void leavesASingleDigitWhole() {
        SegmentedPage page = page(TestPages.draw(600, 400, g -> {
            g.setStroke(new BasicStroke(6));
            g.drawOval(50, 50, 90, 80);
        }));
        Glyph wide = page.glyphs().get(0);
        GlyphClassifier classifier = new GlyphClassifier(new OvalIsZero(), 16);
        Classification whole = classifier.classify(page.labels(), page.glyphs()).get(0);
        assertNull(new TouchingDigitSplitter(classifier).trySplit(page.labels(), wide, whole, 1),
                "halves of one ring are no digits");
    }

    @Test
    void leavesWholeACutIntoDigitsOfVeryDifferentWidths() {
        // Both rings read as 0s, but printed digits are about equally wide: a wide ring against
        // one half its width is how a % cut in two looks (a 9 and a narrow 6), not two digits.
        SegmentedPage page = page(TestPages.draw(600, 400, g -> {
            g.setStroke(new BasicStroke(6));
            g.drawOval(50, 50, 64, 80);
            g.drawOval(110, 50, 36, 80);
        }));
        assertEquals(1, page.glyphs().size(), "the ovals touch");
        Glyph pair = page.glyphs().get(0);
        GlyphClassifier classifier = new GlyphClassifier(new OvalIsZero(), 16);
        Classification whole = classifier.classify(page.labels(), page.glyphs()).get(0);

        assertNull(new TouchingDigitSplitter(classifier).trySplit(page.labels(), pair, whole, 1));
    }

    @Test
    void digitWidthsCompareOnlyDigitsOtherThanOne() {
        Glyph wide = new Glyph(new Box(0, 0, 20, 30), new int[] {1}, 100);
        Glyph narrow = new Glyph(new Box(20, 0, 12, 30), new int[] {1}, 60);
        Classification nine = new Classification(9, 0.99f, 9, 0.99f);
        Classification six = new Classification(6, 0.99f, 6, 0.99f);
        Classification one = new Classification(1, 0.99f, 1, 0.99f);
        Classification symbol = new Classification(DigitClasses.NOT_A_DIGIT, 0.99f, 4, 0.01f);
        assertFalse(TouchingDigitSplitter.evenDigitWidths(List.of(wide, narrow), List.of(nine, six)));
        assertTrue(TouchingDigitSplitter.evenDigitWidths(List.of(wide, narrow), List.of(nine, one)));
        assertTrue(TouchingDigitSplitter.evenDigitWidths(List.of(wide, narrow), List.of(nine, symbol)));
    }

    @Test
    void cutsADigitOffASymbolItTouches() {
        // The 9 of "19%" touching the %: here a 0 touching a solid block the classifier is sure is no digit.
        SegmentedPage page = page(TestPages.draw(600, 400, g -> {
            g.setStroke(new BasicStroke(6));
            g.drawOval(50, 50, 50, 80);
            g.fillRect(100, 50, 70, 83);
        }));
        assertEquals(1, page.glyphs().size(), "the oval touches the block");
        Glyph pair = page.glyphs().get(0);
        GlyphClassifier classifier = new GlyphClassifier(new OvalIsZero(), 16);
        Classification whole = classifier.classify(page.labels(), page.glyphs()).get(0);

        TouchingDigitSplitter.Split split = new TouchingDigitSplitter(classifier).trySplit(page.labels(), pair, whole, 1);
        assertEquals(2, split.parts().size());
        assertEquals(0, split.classes().get(0).label());
        assertEquals(DigitClasses.NOT_A_DIGIT, split.classes().get(1).label());
    }

    @Test
    void inAFieldAFairDigitIsTriedAsSeveralOnlyWhenWideForItsToken() {
        Classification fairFour = new Classification(4, 0.94f, 4, 0.94f);
        Classification unsure = new Classification(DigitClasses.NOT_A_DIGIT, 0.6f, 4, 0.3f);
        // A handwritten 4 as wide as tall among digits about 50 wide: one digit.
        Box four = new Box(400, 0, 65, 67);
        List<Box> neighbours = List.of(new Box(0, 0, 54, 68), new Box(70, 0, 49, 67), new Box(130, 0, 51, 65),
                new Box(190, 0, 18, 66), new Box(220, 0, 54, 68));
        assertFalse(TouchingDigitSplitter.worthTryingInField(four, fairFour, neighbours, 68, false));
        // Twice their width it is two, whatever it reads as.
        assertTrue(TouchingDigitSplitter.worthTryingInField(new Box(400, 0, 100, 67), fairFour, neighbours, 68, false));
        // A glyph the classifier is unsure of may be two, as before.
        assertTrue(TouchingDigitSplitter.worthTryingInField(four, unsure, neighbours, 68, false));
        // Alone in its field there is nothing to compare with.
        assertTrue(TouchingDigitSplitter.worthTryingInField(four, fairFour, List.of(), 68, false));
        // Punctuation does not count as a neighbour's width.
        assertTrue(TouchingDigitSplitter.worthTryingInField(four, fairFour, List.of(new Box(0, 60, 8, 8)), 68, false));
    }

    @Test
    void aCombCellHoldsOneCharacterUnlessTooWideForOneAndNoDigit() {
        Classification seven = new Classification(7, 0.82f, 7, 0.82f);
        Classification none = new Classification(DigitClasses.NOT_A_DIGIT, 0.7f, 1, 0.1f);
        assertFalse(TouchingDigitSplitter.worthTryingInField(new Box(0, 0, 22, 19), seven, List.of(), 21, true));
        assertFalse(TouchingDigitSplitter.worthTryingInField(new Box(0, 0, 22, 19), none, List.of(), 21, true));
        assertFalse(TouchingDigitSplitter.worthTryingInField(new Box(0, 0, 40, 19), seven, List.of(), 21, true));
        assertTrue(TouchingDigitSplitter.worthTryingInField(new Box(0, 0, 40, 19), none, List.of(), 21, true));
    }
}
