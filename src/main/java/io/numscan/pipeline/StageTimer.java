package io.numscan.pipeline;

/**
 * Told how long each stage of a page took (see {@link ScanService#scanPage(io.numscan.ingest.PageImage, StageTimer)}).
 * Called on the scanning thread; an implementation shared by threads must be thread-safe.
 */
@FunctionalInterface
public interface StageTimer {
    StageTimer NONE = (stage, nanos) -> { };

    void record(Stage stage, long nanos);

    /** Runs {@code step}, records its wall time under {@code stage} and returns its result. */
    default <T> T time(Stage stage, java.util.function.Supplier<T> step) {
        long start = System.nanoTime();
        T result = step.get();
        record(stage, System.nanoTime() - start);
        return result;
    }
}
