package io.numscan.batch;

import io.numscan.classify.NdBackend;
import org.bytedeco.opencv.global.opencv_core;

/**
 * Sizes the native thread pools to the batch's own threads. A batch runs {@code jobs} worker
 * threads (OpenCV preprocessing) and one classifier thread (ND4J: OpenMP and OpenBLAS). Left
 * alone, OpenCV and OpenMP/OpenBLAS each start one thread per core, so N workers plus the
 * classifier would run about (N + 1) x cores threads on cores CPUs, and their contention costs
 * more than the parallelism gains. So: each worker's OpenCV calls get cores / jobs threads (1
 * when the workers alone fill the CPU), and the classifier gets the cores the workers leave,
 * at least one.
 */
public final class ThreadBudget {
    private ThreadBudget() {
    }

    public static int classifierThreads(int jobs, int cores) {
        return Math.max(1, cores - jobs);
    }

    public static int openCvThreads(int jobs, int cores) {
        return Math.max(1, cores / jobs);
    }

    /**
     * Call before the model is loaded: OpenBLAS reads its thread count when its library loads
     * (the property is what OMP_NUM_THREADS / OPENBLAS_NUM_THREADS would set from the launcher,
     * but it can depend on --jobs).
     */
    public static void beforeNativeLoad(int jobs) {
        int n = classifierThreads(jobs, Runtime.getRuntime().availableProcessors());
        if (System.getProperty("org.bytedeco.openblas.nthreads") == null) {
            System.setProperty("org.bytedeco.openblas.nthreads", Integer.toString(n));
        }
    }

    /** Call once the model is loaded, before the workers start; the settings are process-wide. */
    public static void apply(int jobs) {
        int cores = Runtime.getRuntime().availableProcessors();
        NdBackend.limitThreads(classifierThreads(jobs, cores));
        opencv_core.setNumThreads(openCvThreads(jobs, cores));
    }
}
