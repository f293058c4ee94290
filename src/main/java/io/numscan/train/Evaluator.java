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
        long[][] matrix = new long[DigitClasses.COUNT][DigitClasses.COUNT];
        float[] batch = new float[BATCH * CropNormalizer.PIXELS];
        float[] probabilities = new float[BATCH * DigitClasses.COUNT];
        for (int start = 0; start < crops.size(); start += BATCH) {
            int count = Math.min(BATCH, crops.size() - start);
            for (int i = 0; i < count; i++) {
                crops.copyCrop(start + i, batch, i * CropNormalizer.PIXELS);
            }
            classifier.predict(batch, count, probabilities);
            for (int i = 0; i < count; i++) {
                int best = 0;
                for (int c = 1; c < DigitClasses.COUNT; c++) {
                    if (probabilities[i * DigitClasses.COUNT + c] > probabilities[i * DigitClasses.COUNT + best]) {
                        best = c;
                    }
                }
                predicted[start + i] = best;
                confidence[start + i] = probabilities[i * DigitClasses.COUNT + best];
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
