package io.numscan.train.eval;

import io.numscan.classify.CropNormalizer;
import io.numscan.classify.DigitClasses;
import io.numscan.classify.DigitClassifier;
import io.numscan.train.Evaluator;
import io.numscan.train.LabelledCrops;
import java.util.ArrayList;
import java.util.List;

/** Measures any {@link DigitClassifier} on labelled crops: metrics, confusions, speed. */
public final class ClassifierEvaluator {
    public static final int BATCH = 512;

    private ClassifierEvaluator() {
    }

    /**
     * @param predicted most probable class of each crop
     * @param confidence its probability
     */
    public record Result(Evaluation evaluation, int[] predicted, float[] confidence) {
    }

    /**
     * @param dataset what {@code crops} are, for the report
     * @param sizeBytes size of the model file
     * @param measureSpeed time batch-1 and batch-512 inference (a few seconds)
     */
    public static Result evaluate(DigitClassifier classifier, LabelledCrops crops, String dataset, long sizeBytes,
            boolean measureSpeed) {
        int n = crops.size();
        int[] predicted = new int[n];
        float[] confidence = new float[n];
        long[][] counts = Evaluator.confusion(classifier, crops, predicted, confidence);
        ConfusionMatrix matrix = new ConfusionMatrix(counts);
        List<ConfusionMatrix.ClassMetrics> perClass = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < DigitClasses.COUNT; c++) {
            perClass.add(matrix.metrics(c));
            classes.add(DigitClasses.name(c));
        }
        Evaluation.Speed speed = measureSpeed ? speed(classifier, crops)
                : new Evaluation.Speed(Double.NaN, Double.NaN);
        var info = classifier.info();
        Evaluation evaluation = new Evaluation(classifier.kind(), info.version(), info.source(), info.backend(), dataset,
                n, matrix.accuracy(), matrix.macro(), matrix.weighted(), perClass, classes, counts,
                matrix.topConfusions(10), speed, sizeBytes);
        return new Result(evaluation, predicted, confidence);
    }

    /** Crops per second one at a time (about a second of calls) and in batches of 512 (at least two batches). */
    public static Evaluation.Speed speed(DigitClassifier classifier, LabelledCrops crops) {
        float[] one = new float[CropNormalizer.PIXELS];
        float[] p = new float[BATCH * DigitClasses.COUNT];
        for (int i = 0; i < 20; i++) {
            crops.copyCrop(i % crops.size(), one, 0);
            classifier.predict(one, 1, p);
        }
        long start = System.nanoTime();
        int calls = 0;
        while (calls < 5000 && (calls < 20 || System.nanoTime() - start < 1_000_000_000L)) {
            crops.copyCrop(calls % crops.size(), one, 0);
            classifier.predict(one, 1, p);
            calls++;
        }
        double batch1 = calls / ((System.nanoTime() - start) / 1e9);
        float[] batch = new float[BATCH * CropNormalizer.PIXELS];
        for (int i = 0; i < BATCH; i++) {
            crops.copyCrop(i % crops.size(), batch, i * CropNormalizer.PIXELS);
        }
        classifier.predict(batch, BATCH, p);
        start = System.nanoTime();
        int batches = 0;
        while (batches < 2 || (batches < 20 && System.nanoTime() - start < 2_000_000_000L)) {
            classifier.predict(batch, BATCH, p);
            batches++;
        }
        double batch512 = batches * BATCH / ((System.nanoTime() - start) / 1e9);
        return new Evaluation.Speed(batch1, batch512);
    }
}
