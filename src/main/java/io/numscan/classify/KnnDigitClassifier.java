package io.numscan.classify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * k nearest neighbours over deslanted crops, on ND4J: the distances of a batch to every reference
 * crop are one matrix product, so the GPU backend runs it unchanged. Neighbours vote with weight
 * 1 / (distance + 0.01); probabilities are the smoothed vote shares. Crops are deslanted, then
 * blurred (3x3) before distances are taken.
 *
 * <p>File: a zip holding {@code references.bin} (count, then each deslanted reference crop as 784
 * bytes 0..255, then the labels) and {@code knn.properties} (k, metric).
 */
public final class KnnDigitClassifier implements DigitClassifier {
    static final String REFERENCES_ENTRY = "references.bin";
    static final String SETTINGS_ENTRY = "knn.properties";
    private static final int MAX_BATCH = 512;

    public enum Metric { L2, COSINE }

    private final byte[] references;
    private final int[] labels;
    private final int k;
    private final Metric metric;
    private final ModelInfo info;
    /** Reference crops as columns, scaled to unit length for cosine: [784 x n]. */
    private final INDArray referencesT;
    /** Squared length of each reference: [1 x n]. */
    private final float[] referenceNorms;

    /**
     * @param references deslanted (not yet blurred) reference crops, 784 bytes each (ink 0..255)
     */
    public KnnDigitClassifier(byte[] references, int[] labels, int k, Metric metric, ModelInfo info) {
        this.references = references;
        this.labels = labels;
        this.k = k;
        this.metric = metric;
        this.info = info;
        int n = labels.length;
        float[] data = new float[n * CropNormalizer.PIXELS];
        float[] crop = new float[CropNormalizer.PIXELS];
        referenceNorms = new float[n];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < CropNormalizer.PIXELS; p++) {
                crop[p] = (references[i * CropNormalizer.PIXELS + p] & 0xff) / 255f;
            }
            DigitFeatures.blur(crop, 0, data, i * CropNormalizer.PIXELS);
            double s = 0;
            for (int p = 0; p < CropNormalizer.PIXELS; p++) {
                float v = data[i * CropNormalizer.PIXELS + p];
                s += v * v;
            }
            referenceNorms[i] = (float) s;
            if (metric == Metric.COSINE && s > 0) {
                float inv = (float) (1 / Math.sqrt(s));
                for (int p = 0; p < CropNormalizer.PIXELS; p++) {
                    data[i * CropNormalizer.PIXELS + p] *= inv;
                }
            }
        }
        try (INDArray r = Nd4j.create(data, new long[] {n, CropNormalizer.PIXELS}, 'c')) {
            referencesT = r.transpose().dup('f');
        }
    }

    /** Quantizes deslanted crops (0..1 floats) to the stored byte form. */
    public static byte[] toBytes(float[] crops, int count) {
        byte[] b = new byte[count * CropNormalizer.PIXELS];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Math.round(Math.max(0, Math.min(1, crops[i])) * 255);
        }
        return b;
    }

    public static KnnDigitClassifier load(InputStream zip, ModelMetadata metadata, String source) throws IOException {
        byte[] refs = null;
        int[] labels = null;
        Properties settings = new Properties();
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(REFERENCES_ENTRY)) {
                    DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes));
                    int n = data.readInt();
                    refs = new byte[n * CropNormalizer.PIXELS];
                    data.readFully(refs);
                    labels = new int[n];
                    for (int i = 0; i < n; i++) {
                        labels[i] = data.readUnsignedByte();
                    }
                } else if (e.getName().equals(SETTINGS_ENTRY)) {
                    settings.load(new ByteArrayInputStream(bytes));
                }
            }
        }
        if (refs == null) {
            throw new IOException(source + ": no " + REFERENCES_ENTRY + " inside");
        }
        int k = Integer.parseInt(settings.getProperty("k", "3"));
        Metric metric = Metric.valueOf(settings.getProperty("metric", "L2"));
        return new KnnDigitClassifier(refs, labels, k, metric, new ModelInfo("knn", metadata.version(),
                metadata.testAccuracy(), NdBackend.describe() + ", " + labels.length + " reference crops", source));
    }

    public void save(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeInt(labels.length);
        data.write(references);
        for (int label : labels) {
            data.writeByte(label);
        }
        data.flush();
        Properties settings = new Properties();
        settings.setProperty("k", Integer.toString(k));
        settings.setProperty("metric", metric.name());
        settings.setProperty("preprocessing", "deslant (shear by second moments)");
        ByteArrayOutputStream props = new ByteArrayOutputStream();
        settings.store(props, "NumScan k-NN digit classifier");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry(REFERENCES_ENTRY));
            zip.write(bytes.toByteArray());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(SETTINGS_ENTRY));
            zip.write(props.toByteArray());
            zip.closeEntry();
        }
    }

    public KnnDigitClassifier withSettings(int k, Metric metric) {
        return new KnnDigitClassifier(references, labels, k, metric, info);
    }

    public int k() {
        return k;
    }

    public Metric metric() {
        return metric;
    }

    public int size() {
        return labels.length;
    }

    @Override
    public String kind() {
        return "knn";
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public void predict(float[] crops, int count, float[] probabilities) {
        for (int start = 0; start < count; start += MAX_BATCH) {
            int b = Math.min(MAX_BATCH, count - start);
            predictBatch(crops, start, b, probabilities);
        }
    }

    /**
     * The {@code k} nearest references of each crop: their indices and distances (squared L2,
     * or 1 - cosine similarity), nearest first.
     */
    public void neighbours(float[] crops, int start, int count, int k, int[] index, float[] distance) {
        int n = labels.length;
        int px = CropNormalizer.PIXELS;
        float[] x = new float[count * px];
        float[] crop = new float[px];
        float[] queryNorms = new float[count];
        for (int i = 0; i < count; i++) {
            DigitFeatures.deslant(crops, (start + i) * px, x, i * px);
            for (int p = 0; p < px; p++) {
                // the same quantization the references went through
                x[i * px + p] = Math.round(Math.max(0, Math.min(1, x[i * px + p])) * 255) / 255f;
            }
            System.arraycopy(x, i * px, crop, 0, px);
            DigitFeatures.blur(crop, 0, x, i * px);
            double s = 0;
            for (int p = 0; p < px; p++) {
                s += x[i * px + p] * x[i * px + p];
            }
            queryNorms[i] = (float) s;
        }
        float[] dots;
        try (INDArray q = Nd4j.create(x, new long[] {count, px}, 'c'); INDArray d = q.mmul(referencesT)) {
            dots = d.dup('c').data().asFloat();
        }
        for (int i = 0; i < count; i++) {
            int[] bestIndex = new int[k];
            float[] best = new float[k];
            java.util.Arrays.fill(best, Float.MAX_VALUE);
            java.util.Arrays.fill(bestIndex, -1);
            float qn = queryNorms[i];
            float qinv = qn > 0 ? (float) (1 / Math.sqrt(qn)) : 0;
            for (int r = 0; r < n; r++) {
                float dot = dots[i * n + r];
                float dist = metric == Metric.L2 ? qn - 2 * dot + referenceNorms[r] : 1 - dot * qinv;
                if (dist < best[k - 1]) {
                    int j = k - 1;
                    while (j > 0 && best[j - 1] > dist) {
                        best[j] = best[j - 1];
                        bestIndex[j] = bestIndex[j - 1];
                        j--;
                    }
                    best[j] = dist;
                    bestIndex[j] = r;
                }
            }
            System.arraycopy(bestIndex, 0, index, i * k, k);
            System.arraycopy(best, 0, distance, i * k, k);
        }
    }

    /** Vote shares of the first {@code k} of the given neighbours. */
    public void vote(int[] index, float[] distance, int neighbours, int row, int k, float[] probabilities, int offset) {
        double[] votes = new double[DigitClasses.COUNT];
        double total = 0;
        for (int j = 0; j < k; j++) {
            int r = index[row * neighbours + j];
            if (r < 0) {
                continue;
            }
            double w = 1 / (Math.max(0, distance[row * neighbours + j]) + 0.01);
            votes[labels[r]] += w;
            total += w;
        }
        double smooth = total * 0.01;
        for (int c = 0; c < DigitClasses.COUNT; c++) {
            probabilities[offset + c] = (float) ((votes[c] + smooth / DigitClasses.COUNT) / (total + smooth));
        }
    }

    private void predictBatch(float[] crops, int start, int count, float[] probabilities) {
        int[] index = new int[count * k];
        float[] distance = new float[count * k];
        neighbours(crops, start, count, k, index, distance);
        for (int i = 0; i < count; i++) {
            vote(index, distance, k, i, k, probabilities, (start + i) * DigitClasses.COUNT);
        }
    }

    @Override
    public void close() {
        referencesT.close();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "k-NN[k=%d, %s, %d references]", k, metric, labels.length);
    }
}
