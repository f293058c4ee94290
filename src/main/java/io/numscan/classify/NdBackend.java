package io.numscan.classify;

import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/** Names the ND4J backend and device in use, for `numscan info` and the health check. */
public final class NdBackend {
    private static volatile int inferenceThreads = Runtime.getRuntime().availableProcessors();
    private static volatile boolean singleThreadedBlas;

    private NdBackend() {
    }

    public static boolean isCpu() {
        return Nd4j.getBackend().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT).contains("cpu");
    }

    /** Threads one inference call may use (see {@link #limitThreads}); all cores unless limited. */
    public static int inferenceThreads() {
        return inferenceThreads;
    }

    /**
     * For callers that parallelize BLAS calls themselves ({@link CnnInference}): OpenBLAS gets
     * one thread per call from now on, in this whole process.
     */
    static void useSingleThreadedBlas() {
        singleThreadedBlas = true;
        Nd4j.factory().blas().setMaxThreads(1);
    }

    public static String describe() {
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        StringBuilder s = new StringBuilder();
        if (backend.toLowerCase(java.util.Locale.ROOT).contains("cpu")) {
            s.append("ND4J CPU backend (nd4j-native)");
            Object blas = env.get("blas.vendor");
            if (blas != null) {
                s.append(", BLAS ").append(blas);
            }
            s.append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores");
            Object threads = env.get("omp.threads");
            if (threads != null) {
                s.append(", ").append(threads).append(" OpenMP threads");
            }
        } else {
            s.append("ND4J ").append(backend);
            int devices = Nd4j.getAffinityManager().getNumberOfDevices();
            s.append(", ").append(devices).append(" device(s)");
            Object list = env.get("cuda.devicesInformation");
            if (list != null) {
                s.append(": ").append(list);
            }
        }
        return s.toString();
    }

    /**
     * Caps the threads one inference uses: ND4J's own OpenMP loops, OpenBLAS, and the chunks of
     * {@link CnnInference}. For callers
     * that run inference beside other busy threads (the batch runner), where ND4J's default of
     * one thread per core would oversubscribe the CPU.
     */
    public static void limitThreads(int threads) {
        int n = Math.max(1, threads);
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.factory().blas().setMaxThreads(singleThreadedBlas ? 1 : n);
        inferenceThreads = n;
    }
}
