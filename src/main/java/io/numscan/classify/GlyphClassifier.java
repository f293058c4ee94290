package io.numscan.classify;

import io.numscan.geom.Box;
import io.numscan.segment.Glyph;
import io.numscan.segment.LabelImage;
import java.util.ArrayList;
import java.util.List;

/** Normalizes a page's glyphs and classifies them in batches. */
public final class GlyphClassifier {
    public static final int DEFAULT_BATCH = 256;

    private final DigitClassifier classifier;
    private final HandwritingClassifier handwriting;
    private final int batchSize;
    private final ThreadLocal<Buffers> buffers;

    public GlyphClassifier(DigitClassifier classifier, int batchSize) {
        this(classifier, null, batchSize);
    }

    /** @param handwriting reads the digits of form fields ({@link #readAsHandwriting}); may be null */
    public GlyphClassifier(DigitClassifier classifier, HandwritingClassifier handwriting, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.classifier = classifier;
        this.handwriting = handwriting;
        this.batchSize = batchSize;
        this.buffers = ThreadLocal.withInitial(() -> new Buffers(batchSize));
    }

    public DigitClassifier classifier() {
        return classifier;
    }

    public int batchSize() {
        return batchSize;
    }

    /**
     * The normalized crops of {@code glyphs}, {@code 784} values each, in order: what
     * {@link #classify} feeds the classifier, for callers that batch crops of several pages.
     */
    public float[] crops(LabelImage labels, List<Glyph> glyphs) {
        CropNormalizer normalizer = buffers.get().normalizer;
        float[] crops = new float[glyphs.size() * CropNormalizer.PIXELS];
        for (int i = 0; i < glyphs.size(); i++) {
            Glyph g = glyphs.get(i);
            normalizer.normalize(new GlyphInk(labels, g), g.box(), crops, i * CropNormalizer.PIXELS);
        }
        return crops;
    }

    /**
     * The classifier's output for {@code count} crops laid out as {@link #crops} gives them,
     * {@link DigitClasses#COUNT} values each, inferred in batches of at most {@link #batchSize()}.
     */
    public float[] predictAll(float[] crops, int count) {
        if (crops.length < count * CropNormalizer.PIXELS) {
            throw new IllegalArgumentException(crops.length + " values hold fewer than " + count + " crops");
        }
        Buffers b = buffers.get();
        float[] probabilities = new float[count * DigitClasses.COUNT];
        for (int start = 0; start < count; start += batchSize) {
            int n = Math.min(batchSize, count - start);
            System.arraycopy(crops, start * CropNormalizer.PIXELS, b.crops, 0, n * CropNormalizer.PIXELS);
            classifier.predict(b.crops, n, b.probabilities);
            System.arraycopy(b.probabilities, 0, probabilities, start * DigitClasses.COUNT, n * DigitClasses.COUNT);
        }
        return probabilities;
    }

    /**
     * The handwriting reader's {@link HandwritingClassifier#CLASSES} probabilities for the crops
     * at {@code which} (indices into {@code crops}, laid out as {@link #crops} gives them), in
     * that order; null when there is no handwriting reader or nothing to read.
     */
    public float[] readAsHandwriting(float[] crops, int[] which) {
        if (handwriting == null || which.length == 0) {
            return null;
        }
        Buffers b = buffers.get();
        float[] digits = new float[which.length * HandwritingClassifier.CLASSES];
        for (int start = 0; start < which.length; start += batchSize) {
            int n = Math.min(batchSize, which.length - start);
            for (int i = 0; i < n; i++) {
                System.arraycopy(crops, which[start + i] * CropNormalizer.PIXELS, b.crops, i * CropNormalizer.PIXELS, CropNormalizer.PIXELS);
            }
            handwriting.predict(b.crops, n, b.digits);
            System.arraycopy(b.digits, 0, digits, start * HandwritingClassifier.CLASSES, n * HandwritingClassifier.CLASSES);
        }
        return digits;
    }

    public List<Classification> classify(LabelImage labels, List<Glyph> glyphs) {
        Buffers b = buffers.get();
        List<Classification> result = new ArrayList<>(glyphs.size());
        for (int start = 0; start < glyphs.size(); start += batchSize) {
            int count = Math.min(batchSize, glyphs.size() - start);
            for (int i = 0; i < count; i++) {
                Glyph g = glyphs.get(start + i);
                b.normalizer.normalize(new GlyphInk(labels, g), g.box(), b.crops, i * CropNormalizer.PIXELS);
            }
            classifier.predict(b.crops, count, b.probabilities);
            for (int i = 0; i < count; i++) {
                result.add(Classification.fromProbabilities(b.probabilities, i * DigitClasses.COUNT));
            }
        }
        return result;
    }

    /** Writes one glyph's normalized crop; for callers that inspect or batch crops themselves. */
    public static boolean normalize(CropNormalizer normalizer, LabelImage labels, Glyph glyph, Box region, float[] out, int offset) {
        return normalizer.normalize(new GlyphInk(labels, glyph), region, out, offset);
    }

    private static final class Buffers {
        final CropNormalizer normalizer = new CropNormalizer();
        final float[] crops;
        final float[] probabilities;
        final float[] digits;

        Buffers(int batch) {
            crops = new float[batch * CropNormalizer.PIXELS];
            probabilities = new float[batch * DigitClasses.COUNT];
            digits = new float[batch * HandwritingClassifier.CLASSES];
        }
    }

    /** Ink of one glyph only: neighbours poking into its box are not part of it. */
    private record GlyphInk(LabelImage labels, Glyph glyph) implements InkSource {
        @Override
        public boolean isInk(int x, int y) {
            int label = labels.get(x, y);
            return label != 0 && glyph.owns(label);
        }
    }
}
