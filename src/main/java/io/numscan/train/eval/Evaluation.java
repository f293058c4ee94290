package io.numscan.train.eval;

import io.numscan.train.eval.ConfusionMatrix.Averages;
import io.numscan.train.eval.ConfusionMatrix.ClassMetrics;
import io.numscan.train.eval.ConfusionMatrix.Confusion;
import java.util.List;

/**
 * What {@code numscan evaluate} reports for one model on one labelled set.
 *
 * @param accuracy share of crops whose most probable class is the true one, 0..1
 * @param confusion counts, rows: truth, columns: prediction, classes 0-9 then not-a-digit
 * @param sizeBytes size of the model file
 */
public record Evaluation(String model, String version, String source, String backend, String dataset, long crops,
        double accuracy, Averages macro, Averages weighted, List<ClassMetrics> perClass, List<String> classes,
        long[][] confusion, List<Confusion> topConfusions, Speed speed, long sizeBytes) {

    /** Crops per second at batch 1 (one crop per call) and at batch 512; NaN when not measured. */
    public record Speed(double batch1CropsPerSecond, double batch512CropsPerSecond) {
    }
}
