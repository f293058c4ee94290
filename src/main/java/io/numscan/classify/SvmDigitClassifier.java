package io.numscan.classify;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;

/**
 * RBF-kernel support vector machine (libsvm, one-versus-one) on {@link DigitFeatures#svmFeatures}.
 * Class scores are one-versus-one votes with ties broken by the decision values; a softmax with
 * a temperature fitted on the validation split turns them into probabilities.
 *
 * <p>File: a zip holding {@code svm.model} (libsvm's text format) and {@code svm.properties}
 * (temperature, feature description).
 */
public final class SvmDigitClassifier implements DigitClassifier {
    static final String MODEL_ENTRY = "svm.model";
    static final String SETTINGS_ENTRY = "svm.properties";

    private final svm_model model;
    private final double temperature;
    private final ModelInfo info;
    private final int[] labels;

    public SvmDigitClassifier(svm_model model, double temperature, ModelInfo info) {
        this.model = model;
        this.temperature = temperature;
        this.info = info;
        this.labels = new int[svm.svm_get_nr_class(model)];
        svm.svm_get_labels(model, labels);
    }

    public static SvmDigitClassifier load(InputStream zip, ModelMetadata metadata, String source) throws IOException {
        svm_model model = null;
        Properties settings = new Properties();
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(MODEL_ENTRY)) {
                    model = svm.svm_load_model(new BufferedReader(
                            new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.US_ASCII)));
                } else if (e.getName().equals(SETTINGS_ENTRY)) {
                    settings.load(new ByteArrayInputStream(bytes));
                }
            }
        }
        if (model == null) {
            throw new IOException(source + ": no " + MODEL_ENTRY + " inside");
        }
        double temperature = Double.parseDouble(settings.getProperty("temperature", "1"));
        return new SvmDigitClassifier(model, temperature, new ModelInfo("svm", metadata.version(),
                metadata.testAccuracy(), "libsvm " + svm.LIBSVM_VERSION / 100 + "." + svm.LIBSVM_VERSION % 100 + " (Java), " + model.l + " support vectors",
                source));
    }

    /** Writes the model file (zip) read by {@link #load}. */
    public void save(Path file) throws IOException {
        Path tmp = Files.createTempFile("numscan-svm", ".model");
        try {
            svm.svm_save_model(tmp.toString(), model);
            Properties settings = new Properties();
            settings.setProperty("temperature", Double.toString(temperature));
            settings.setProperty("features", DigitFeatures.SVM_DESCRIPTION);
            ByteArrayOutputStream props = new ByteArrayOutputStream();
            settings.store(props, "NumScan SVM digit classifier");
            try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(9);
                zip.putNextEntry(new ZipEntry(MODEL_ENTRY));
                Files.copy(tmp, zip);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(SETTINGS_ENTRY));
                zip.write(props.toByteArray());
                zip.closeEntry();
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static svm_node[] nodes(float[] features, int offset, int length) {
        svm_node[] nodes = new svm_node[length];
        for (int i = 0; i < length; i++) {
            svm_node n = new svm_node();
            n.index = i + 1;
            n.value = features[offset + i];
            nodes[i] = n;
        }
        return nodes;
    }

    /**
     * Per-class scores before the softmax: one-versus-one votes (libsvm's own decision rule), plus
     * 0.5 tanh of the mean signed decision value, which breaks ties without overturning a vote.
     */
    public void scores(svm_node[] x, double[] scores) {
        int k = labels.length;
        double[] decisions = new double[k * (k - 1) / 2];
        svm.svm_predict_values(model, x, decisions);
        double[] margin = new double[scores.length];
        java.util.Arrays.fill(scores, 0);
        int p = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                scores[decisions[p] > 0 ? labels[i] : labels[j]] += 1;
                margin[labels[i]] += decisions[p];
                margin[labels[j]] -= decisions[p];
                p++;
            }
        }
        for (int c = 0; c < scores.length; c++) {
            scores[c] += 0.5 * Math.tanh(margin[c] / Math.max(1, k - 1));
        }
    }

    /** Softmax of {@code scores / temperature} into {@code out[offset..offset+11)}. */
    public static void softmax(double[] scores, double temperature, float[] out, int offset) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < DigitClasses.COUNT; c++) {
            sum += Math.exp((scores[c] - max) / temperature);
        }
        for (int c = 0; c < DigitClasses.COUNT; c++) {
            out[offset + c] = (float) (Math.exp((scores[c] - max) / temperature) / sum);
        }
    }

    public svm_model model() {
        return model;
    }

    public double temperature() {
        return temperature;
    }

    @Override
    public String kind() {
        return "svm";
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public void predict(float[] crops, int count, float[] probabilities) {
        float[] features = new float[DigitFeatures.SVM_LENGTH];
        double[] scores = new double[DigitClasses.COUNT];
        for (int i = 0; i < count; i++) {
            DigitFeatures.svmFeatures(crops, i * CropNormalizer.PIXELS, features, 0);
            scores(nodes(features, 0, features.length), scores);
            softmax(scores, temperature, probabilities, i * DigitClasses.COUNT);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SVM[%d SVs, T=%.3f]", model.l, temperature);
    }
}
