package io.numscan.bench;

import io.numscan.classify.CropNormalizer;
import io.numscan.classify.DigitClasses;
import io.numscan.classify.DigitClassifier;

/**
 * Crops per second of the classifier alone at a given batch size, on real crops from the bench
 * pages (cycled to fill a batch): a warm-up, then as many batches as fit in the measuring time.
 */
public final class ClassifierBench {
    /**
     * @param cpuSeconds CPU time the whole process used meanwhile: on a shared machine,
     *     {@code crops / cpuSeconds} shows the cost when wall time is stretched by other load
     */
    public record Result(int batch, long crops, double seconds, double cropsPerSecond, double cpuSeconds) {
        public double cropsPerCpuSecond() {
            return cpuSeconds > 0 ? crops / cpuSeconds : 0;
        }
    }

    private final DigitClassifier classifier;
    private final float[] pool;
    private final int poolCrops;

    /** @param crops normalized crops, {@link CropNormalizer#PIXELS} values each */
    public ClassifierBench(DigitClassifier classifier, float[] crops) {
        if (crops.length < CropNormalizer.PIXELS) {
            throw new BenchException("no crops to classify: the bench pages hold no glyphs");
        }
        this.classifier = classifier;
        this.pool = crops;
        this.poolCrops = crops.length / CropNormalizer.PIXELS;
    }

    public Result run(int batch, double warmupSeconds, double seconds) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        float[] input = new float[batch * CropNormalizer.PIXELS];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(pool, (i % poolCrops) * CropNormalizer.PIXELS, input, i * CropNormalizer.PIXELS, CropNormalizer.PIXELS);
        }
        float[] output = new float[batch * DigitClasses.COUNT];
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        do {
            classifier.predict(input, batch, output);
        } while (System.nanoTime() < warmupEnd);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long crops = 0;
        long now;
        do {
            classifier.predict(input, batch, output);
            crops += batch;
            now = System.nanoTime();
        } while (now < end);
        double elapsed = (now - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        return new Result(batch, crops, elapsed, crops / elapsed, cpu);
    }

    /** CPU time of this process so far, or 0 where the platform does not say. */
    static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}
