package io.numscan.train;

import io.numscan.classify.CropNormalizer;
import io.numscan.classify.DigitClasses;
import io.numscan.classify.DigitClassifier;

/** Runs a classifier over labelled crops and counts a confusion matrix (rows: truth, columns: prediction). */
public final class Evaluator {
    private static final int BATCH = 512;

    private Evaluator() {
    }

    public static long[][] confusion(DigitClassifier classifier, LabelledCrops crops) {
        return confusion(classifier, crops, new int[crops.size()], new float[crops.size()]);
    }

    /** The same, also recording each crop's predicted class and that class's probability. */
    public static long[][] confusion(DigitClassifier classifier, LabelledCrops crops, int[] predicted, float[] confidence) {
        return confusion(classifier::predict, DigitClasses.COUNT, crops, predicted, confidence);
    }

    /** Writes {@code classes} probabilities per crop for {@code count} crops: what a classifier's predict does. */
    @FunctionalInterface
    public interface Predictor {
        void predict(float[] crops, int count, float[] probabilities);
    }

    /** The same for any model with {@code classes} outputs (the form fields' handwriting reader has ten). */
    public static long[][] confusion(Predictor model, int classes, LabelledCrops crops, int[] predicted, float[] confidence) {
        long[][] matrix = new long[classes][classes];
        float[] batch = new float[BATCH * CropNormalizer.PIXELS];
        float[] probabilities = new float[BATCH * classes];
        for (int start = 0; start < crops.size(); start += BATCH) {
            int count = Math.min(BATCH, crops.size() - start);
            for (int i = 0; i < count; i++) {
                crops.copyCrop(start + i, batch, i * CropNormalizer.PIXELS);
            }
            model.predict(batch, count, probabilities);
            for (int i = 0; i < count; i++) {
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (probabilities[i * classes + c] > probabilities[i * classes + best]) {
                        best = c;
                    }
                }
                predicted[start + i] = best;
                confidence[start + i] = probabilities[i * classes + best];
                matrix[crops.label(start + i)][best]++;
            }
        }
        return matrix;
    }

    public static double accuracy(long[][] confusion) {
        long right = 0;
        long all = 0;
        for (int t = 0; t < confusion.length; t++) {
            for (int p = 0; p < confusion[t].length; p++) {
                all += confusion[t][p];
                if (t == p) {
                    right += confusion[t][p];
                }
            }
        }
        return all == 0 ? 0 : (double) right / all;
    }
}
