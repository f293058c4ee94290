package io.numscan.classify;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The forward pass of the digit CNN (conv-relu, maxpool 2, conv-relu, maxpool 2, dense-relu,
 * softmax; the shape {@code train.CnnTrainer} builds) with the network's own weights, for
 * inference only. DL4J runs such a network through a generic im2col op and separate bias and
 * ReLU passes that cost several times the arithmetic; here every layer is one OpenBLAS SGEMM
 * with bias, ReLU and pooling fused into the pass that reads its output, over chunks of
 * {@value #CHUNK} crops, on up to one thread per core (OpenBLAS is then asked for one thread per
 * call). The second convolution works channels last, so its patches are long runs of memory.
 *
 * <p>The results equal DL4J's up to float rounding (the same products, summed in another order).
 */
final class CnnInference implements AutoCloseable {
    /**
     * Crops per chunk. Smaller chunks keep the im2col matrices in a smaller cache but read the
     * dense layer's 1.6 MB of weights once per chunk: at 16 that read cost a quarter more per
     * crop in the dense layer than at 32 (at 64 the convolutions slow down instead).
     */
    static final int CHUNK = 32;
    private static final int SIDE = CropNormalizer.SIZE;

    private final int c1;
    private final int k1;
    private final int c2;
    private final int k2;
    private final int hidden;
    private final int classes;
    private final int side1; // after conv 1
    private final int pool1;
    private final int side2; // after conv 2
    private final int pool2;
    private final int flat;
    private final FloatPointer w1; // [c1][k1*k1]
    private final float[] b1;
    private final FloatPointer w2; // [k2*k2*c1][c2]: rows in the channels-last order of conv 2's input
    private final float[] b2;
    private final FloatPointer w3; // [flat][hidden], rows in channels-last order
    private final float[] b3;
    private final FloatPointer w4; // [hidden][classes]
    private final float[] b4;
    private final int threads;
    private final ExecutorService pool;
    private final ThreadLocal<Workspace> workspaces;
    private final List<Workspace> allWorkspaces = new ArrayList<>();

    private CnnInference(MultiLayerNetwork net, int c1, int k1, int c2, int k2, int hidden, int classes) {
        this.c1 = c1;
        this.k1 = k1;
        this.c2 = c2;
        this.k2 = k2;
        this.hidden = hidden;
        this.classes = classes;
        this.side1 = SIDE - k1 + 1;
        this.pool1 = side1 / 2;
        this.side2 = pool1 - k2 + 1;
        this.pool2 = side2 / 2;
        this.flat = c2 * pool2 * pool2;
        this.w1 = new FloatPointer(floats(net.getParam("0_W")));
        this.b1 = floats(net.getParam("0_b"));
        this.w2 = new FloatPointer(channelsLastKernel(floats(net.getParam("2_W")), c2, c1, k2));
        this.b2 = floats(net.getParam("2_b"));
        this.w3 = new FloatPointer(channelsLastRows(floats(net.getParam("4_W")), c2, pool2 * pool2, hidden));
        this.b3 = floats(net.getParam("4_b"));
        this.w4 = new FloatPointer(floats(net.getParam("5_W")));
        this.b4 = floats(net.getParam("5_b"));
        this.threads = Runtime.getRuntime().availableProcessors();
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads - 1, r -> {
            Thread t = new Thread(r, "numscan-cnn");
            t.setDaemon(true);
            return t;
        });
        this.workspaces = ThreadLocal.withInitial(() -> {
            Workspace w = new Workspace();
            synchronized (allWorkspaces) {
                allWorkspaces.add(w);
            }
            return w;
        });
        // Parallel calls come from the chunks here; OpenBLAS threads of its own would only contend.
        NdBackend.useSingleThreadedBlas();
    }

    static String describe() {
        return "NumScan's CNN forward pass (OpenBLAS SGEMM, chunks of " + CHUNK + " crops)";
    }

    /**
     * This inference for {@code net} when the network has exactly the layout it computes, with
     * the shapes it expects; empty otherwise (the caller then runs the network through DL4J).
     */
    static Optional<CnnInference> of(MultiLayerNetwork net) {
        if (net.getnLayers() != 6) {
            return Optional.empty();
        }
        Layer[] l = new Layer[6];
        for (int i = 0; i < 6; i++) {
            l[i] = net.getLayerWiseConfigurations().getConf(i).getLayer();
        }
        if (!(l[0] instanceof ConvolutionLayer conv1 && plainConvolution(conv1))
                || !(l[1] instanceof SubsamplingLayer pool1 && halvingMaxPool(pool1))
                || !(l[2] instanceof ConvolutionLayer conv2 && plainConvolution(conv2))
                || !(l[3] instanceof SubsamplingLayer pool2 && halvingMaxPool(pool2))
                || !(l[4] instanceof DenseLayer dense && dense.getActivationFn() instanceof ActivationReLU && dense.hasBias())
                || !(l[5] instanceof OutputLayer out && out.getActivationFn() instanceof ActivationSoftmax && out.hasBias())) {
            return Optional.empty();
        }
        int k1 = conv1.getKernelSize()[0];
        int k2 = conv2.getKernelSize()[0];
        int c1 = (int) conv1.getNOut();
        int c2 = (int) conv2.getNOut();
        int side1 = SIDE - k1 + 1;
        int side2 = side1 / 2 - k2 + 1;
        if (conv1.getNIn() != 1 || conv2.getNIn() != c1 || side1 < 2 || side2 < 2 || side1 % 2 != 0 || side2 % 2 != 0
                || dense.getNIn() != (long) c2 * (side2 / 2) * (side2 / 2) || out.getNIn() != dense.getNOut()) {
            return Optional.empty();
        }
        if (!shape(net.getParam("0_W"), c1, 1, k1, k1) || !shape(net.getParam("2_W"), c2, c1, k2, k2)
                || !shape(net.getParam("4_W"), dense.getNIn(), dense.getNOut()) || !shape(net.getParam("5_W"), out.getNIn(), out.getNOut())) {
            return Optional.empty();
        }
        return Optional.of(new CnnInference(net, c1, k1, c2, k2, (int) dense.getNOut(), (int) out.getNOut()));
    }

    private static boolean plainConvolution(ConvolutionLayer c) {
        int[] k = c.getKernelSize();
        return k.length == 2 && k[0] == k[1] && all(c.getStride(), 1) && all(c.getPadding(), 0) && all(c.getDilation(), 1)
                && c.getConvolutionMode() == ConvolutionMode.Truncate && c.getCnn2dDataFormat() == CNN2DFormat.NCHW
                && c.hasBias() && c.getActivationFn() instanceof ActivationReLU;
    }

    private static boolean halvingMaxPool(SubsamplingLayer s) {
        return s.getPoolingType() == org.deeplearning4j.nn.conf.layers.PoolingType.MAX && all(s.getKernelSize(), 2)
                && all(s.getStride(), 2) && all(s.getPadding(), 0) && s.getConvolutionMode() == ConvolutionMode.Truncate
                && s.getCnn2dDataFormat() == CNN2DFormat.NCHW;
    }

    private static boolean all(int[] values, int v) {
        for (int x : values) {
            if (x != v) {
                return false;
            }
        }
        return true;
    }

    private static boolean shape(INDArray a, long... dims) {
        return a != null && java.util.Arrays.equals(a.shape(), dims);
    }

    private static float[] floats(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    /** DL4J's kernel [out][in][ky][kx] as the matrix [(ky, kx, in)][out] that channels-last patches multiply. */
    static float[] channelsLastKernel(float[] w, int out, int in, int k) {
        float[] t = new float[w.length];
        for (int o = 0; o < out; o++) {
            for (int c = 0; c < in; c++) {
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        t[((ky * k + kx) * in + c) * out + o] = w[((o * in + c) * k + ky) * k + kx];
                    }
                }
            }
        }
        return t;
    }

    /** Dense weights whose rows DL4J orders (channel, position) reordered to (position, channel). */
    static float[] channelsLastRows(float[] w, int channels, int positions, int columns) {
        float[] t = new float[w.length];
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < positions; p++) {
                System.arraycopy(w, (c * positions + p) * columns, t, (p * channels + c) * columns, columns);
            }
        }
        return t;
    }

    /** Same contract as {@link DigitClassifier#predict}, on at most {@code maxThreads} threads. */
    void predict(float[] crops, int count, float[] probabilities, int maxThreads) {
        int chunks = (count + CHUNK - 1) / CHUNK;
        int useThreads = Math.min(Math.min(threads, Math.max(1, maxThreads)), chunks);
        if (pool == null || useThreads <= 1) {
            for (int c = 0; c < chunks; c++) {
                runChunk(crops, probabilities, c, count);
            }
            return;
        }
        // Chunks are handed out in turn: the caller's thread takes part, so one call never waits idle.
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable worker = () -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                runChunk(crops, probabilities, c, count);
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        for (int t = 1; t < useThreads; t++) {
            helpers.add(pool.submit(worker));
        }
        worker.run();
        for (Future<?> f : helpers) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during inference", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private void runChunk(float[] crops, float[] probabilities, int chunk, int count) {
        int first = chunk * CHUNK;
        int n = Math.min(CHUNK, count - first);
        workspaces.get().forward(crops, first, n, probabilities);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        synchronized (allWorkspaces) {
            allWorkspaces.forEach(Workspace::close);
            allWorkspaces.clear();
        }
        w1.close();
        w2.close();
        w3.close();
        w4.close();
    }

    /** One thread's buffers for one chunk; native ones are what OpenBLAS reads and writes. */
    private final class Workspace {
        // Zeroed once: the few columns the im2col runs never reach then hold zeros, not whatever the
        // allocator left (their outputs are never read, but NaNs would make a debugger's view noisy).
        final FloatPointer col1 = new FloatPointer((long) k1 * k1 * CHUNK * side1 * SIDE).zero(); // [k1*k1][n*side1*SIDE]
        final FloatPointer conv1 = new FloatPointer((long) c1 * CHUNK * side1 * SIDE); // [c1][n*side1*SIDE]
        final float[] pooled1 = new float[CHUNK * c1 * pool1 * pool1]; // [n][y][x][c1]
        final FloatPointer col2 = new FloatPointer((long) c1 * k2 * k2 * CHUNK * side2 * side2); // [n*side2*side2][k2*k2*c1]
        final FloatPointer conv2 = new FloatPointer((long) c2 * CHUNK * side2 * side2); // [n*side2*side2][c2]
        final FloatPointer flatIn = new FloatPointer((long) CHUNK * flat); // [n][pool2*pool2*c2]
        final FloatPointer hiddenOut = new FloatPointer((long) CHUNK * hidden);
        final FloatPointer logits = new FloatPointer((long) CHUNK * classes);
        final FloatBuffer col1b = view(col1);
        final FloatBuffer conv1b = view(conv1);
        final FloatBuffer col2b = view(col2);
        final FloatBuffer conv2b = view(conv2);
        final FloatBuffer flatb = view(flatIn);
        final FloatBuffer hiddenb = view(hiddenOut);
        final FloatBuffer logitsb = view(logits);
        final float[] row = new float[Math.max(side1 * SIDE, Math.max(hidden, classes))];
        final float[] conv2Rows = new float[2 * side2 * c2]; // two output rows of one crop
        final float[] pooled2 = new float[flat];

        private FloatBuffer view(FloatPointer p) {
            return p.asByteBuffer().order(ByteOrder.nativeOrder()).asFloatBuffer();
        }

        void forward(float[] crops, int first, int n, float[] probabilities) {
            firstLayer(crops, first, n);
            secondLayer(n);
            denseLayers(n, probabilities, first);
        }

        /**
         * conv1 as one SGEMM over the chunk, then bias + ReLU + 2x2 max pool into {@code pooled1}.
         * Outputs are computed for every column of the crop, not only the side1 whose kernel fits:
         * an im2col row is then one shifted run of a crop rather than side1 short ones, for a
         * sixth more arithmetic. The extra columns are never read.
         */
        private void firstLayer(float[] crops, int first, int n) {
            int area = side1 * SIDE;
            int columns = n * area;
            // The run ends at the last valid output: further on, the shift would leave the crop.
            int runLength = (side1 - 1) * SIDE + side1;
            for (int ky = 0; ky < k1; ky++) {
                for (int kx = 0; kx < k1; kx++) {
                    int rowBase = (ky * k1 + kx) * columns;
                    for (int i = 0; i < n; i++) {
                        col1b.put(rowBase + i * area, crops, (first + i) * CropNormalizer.PIXELS + ky * SIDE + kx, runLength);
                    }
                }
            }
            int depth = k1 * k1;
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, c1, columns, depth, 1f, w1, depth, col1, columns, 0f,
                    conv1, columns);
            int p1 = pool1 * pool1;
            for (int c = 0; c < c1; c++) {
                float bias = b1[c];
                for (int i = 0; i < n; i++) {
                    conv1b.get(c * columns + i * area, row, 0, area);
                    int out = i * p1 * c1 + c;
                    for (int y = 0; y < pool1; y++) {
                        int r0 = 2 * y * SIDE;
                        int r1 = r0 + SIDE;
                        for (int x = 0; x < pool1; x++) {
                            float m = Math.max(Math.max(row[r0 + 2 * x], row[r0 + 2 * x + 1]), Math.max(row[r1 + 2 * x], row[r1 + 2 * x + 1]));
                            // ReLU after max equals max after ReLU, at a quarter of the work.
                            pooled1[out + (y * pool1 + x) * c1] = Math.max(0f, m + bias);
                        }
                    }
                }
            }
        }

        /**
         * conv2 as one SGEMM over the chunk, channels last: a patch row is k2 runs of k2 * c1
         * consecutive inputs, where channels first would take k2 * k2 * c1 runs of side2. Then
         * bias + ReLU + 2x2 max pool into the dense input.
         */
        private void secondLayer(int n) {
            int run = k2 * c1;
            int depth = k2 * run;
            for (int i = 0; i < n; i++) {
                for (int y = 0; y < side2; y++) {
                    for (int x = 0; x < side2; x++) {
                        int dst = ((i * side2 + y) * side2 + x) * depth;
                        for (int ky = 0; ky < k2; ky++) {
                            col2b.put(dst + ky * run, pooled1, ((i * pool1 + y + ky) * pool1 + x) * c1, run);
                        }
                    }
                }
            }
            int positions = n * side2 * side2;
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, positions, c2, depth, 1f, col2, depth, w2, c2, 0f,
                    conv2, c2);
            int rowLength = side2 * c2;
            for (int i = 0; i < n; i++) {
                for (int py = 0; py < pool2; py++) {
                    conv2b.get((i * side2 + 2 * py) * rowLength, conv2Rows, 0, 2 * rowLength);
                    for (int px = 0; px < pool2; px++) {
                        int a = 2 * px * c2;
                        int out = (py * pool2 + px) * c2;
                        for (int c = 0; c < c2; c++) {
                            float m = Math.max(Math.max(conv2Rows[a + c], conv2Rows[a + c2 + c]),
                                    Math.max(conv2Rows[rowLength + a + c], conv2Rows[rowLength + a + c2 + c]));
                            pooled2[out + c] = Math.max(0f, m + b2[c]);
                        }
                    }
                }
                flatb.put(i * flat, pooled2, 0, flat);
            }
        }

        /** Dense + ReLU, then the output layer and softmax, written to {@code probabilities}. */
        private void denseLayers(int n, float[] probabilities, int first) {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, hidden, flat, 1f, flatIn, flat, w3, hidden, 0f,
                    hiddenOut, hidden);
            for (int i = 0; i < n; i++) {
                hiddenb.get(i * hidden, row, 0, hidden);
                for (int j = 0; j < hidden; j++) {
                    row[j] = Math.max(0f, row[j] + b3[j]);
                }
                hiddenb.put(i * hidden, row, 0, hidden);
            }
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, classes, hidden, 1f, hiddenOut, hidden, w4, classes, 0f,
                    logits, classes);
            for (int i = 0; i < n; i++) {
                logitsb.get(i * classes, row, 0, classes);
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < classes; j++) {
                    row[j] += b4[j];
                    max = Math.max(max, row[j]);
                }
                float sum = 0;
                for (int j = 0; j < classes; j++) {
                    row[j] = (float) Math.exp(row[j] - max);
                    sum += row[j];
                }
                int out = (first + i) * classes;
                for (int j = 0; j < classes; j++) {
                    probabilities[out + j] = row[j] / sum;
                }
            }
        }

        void close() {
            col1.close();
            conv1.close();
            col2.close();
            conv2.close();
            flatIn.close();
            hiddenOut.close();
            logits.close();
        }
    }
}
