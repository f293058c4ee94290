package io.numscan.train;

import io.numscan.classify.CropNormalizer;
import io.numscan.classify.DigitClasses;
import io.numscan.classify.DigitFeatures;
import io.numscan.classify.KnnDigitClassifier;
import io.numscan.classify.KnnDigitClassifier.Metric;
import io.numscan.classify.ModelInfo;
import io.numscan.classify.ModelMetadata;
import io.numscan.classify.ModelStore;
import io.numscan.classify.NdBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * "Trains" k nearest neighbours: the reference set is every training crop, deslanted; k and the
 * distance (L2 or cosine) are chosen on the validation split; the test split is measured once.
 */
public final class KnnTrainer implements DigitTrainer {
    static final int[] K_GRID = {1, 3, 4, 5, 6, 8, 10};
    static final int AUGMENTED_COPIES = 3;
    private static final int BATCH = 256;

    private final TrainOptions options;
    private final TrainingProgress progress;

    public KnnTrainer(TrainOptions options, TrainingProgress progress) {
        this.options = options;
        this.progress = progress;
    }

    @Override
    public String kind() {
        return "knn";
    }

    static KnnDigitClassifier build(LabelledCrops crops, int k, Metric metric, ModelInfo info) {
        float[] deslanted = new float[crops.size() * CropNormalizer.PIXELS];
        float[] crop = new float[CropNormalizer.PIXELS];
        int[] labels = new int[crops.size()];
        for (int i = 0; i < crops.size(); i++) {
            crops.copyCrop(i, crop, 0);
            DigitFeatures.deslant(crop, 0, deslanted, i * CropNormalizer.PIXELS);
            labels[i] = crops.label(i);
        }
        return new KnnDigitClassifier(KnnDigitClassifier.toBytes(deslanted, crops.size()), labels, k, metric, info);
    }

    /** Validation accuracy for each k of {@code ks}, from one neighbour search with the largest. */
    double[] accuracies(KnnDigitClassifier knn, LabelledCrops crops, int[] ks, String phase) {
        int kmax = java.util.Arrays.stream(ks).max().orElse(1);
        int[] right = new int[ks.length];
        float[] batch = new float[BATCH * CropNormalizer.PIXELS];
        float[] p = new float[DigitClasses.COUNT];
        int batches = (crops.size() + BATCH - 1) / BATCH;
        progress.startEpoch();
        for (int start = 0, b = 1; start < crops.size(); start += BATCH, b++) {
            int count = Math.min(BATCH, crops.size() - start);
            for (int i = 0; i < count; i++) {
                crops.copyCrop(start + i, batch, i * CropNormalizer.PIXELS);
            }
            int[] index = new int[count * kmax];
            float[] distance = new float[count * kmax];
            knn.neighbours(batch, 0, count, kmax, index, distance);
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < ks.length; j++) {
                    knn.vote(index, distance, kmax, i, ks[j], p, 0);
                    right[j] += argmax(p) == crops.label(start + i) ? 1 : 0;
                }
            }
            progress.step(phase, b, batches, "");
        }
        double[] acc = new double[ks.length];
        for (int j = 0; j < ks.length; j++) {
            acc[j] = (double) right[j] / Math.max(1, crops.size());
        }
        return acc;
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    @Override
    public DigitTrainer.Saved train() throws IOException {
        long started = System.nanoTime();
        FixedCorpus corpus = FixedCorpus.build(options, progress, AUGMENTED_COPIES, options.printedPerDigit(),
                options.negativeShare());
        LabelledCrops all = corpus.all();
        ModelInfo info = new ModelInfo("knn", "training", Double.NaN, NdBackend.describe(), "in training");

        // 1. k and the distance, on the validation split.
        List<Map<String, Object>> grid = new ArrayList<>();
        Map<String, Object> chosen = null;
        for (Metric metric : Metric.values()) {
            try (KnnDigitClassifier knn = build(all, 1, metric, info)) {
                double[] hw = accuracies(knn, corpus.validation(), K_GRID, "validation " + metric);
                double[] pr = accuracies(knn, corpus.printedValidation(), K_GRID, "printed validation " + metric);
                for (int j = 0; j < K_GRID.length; j++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("k", K_GRID[j]);
                    row.put("metric", metric.name());
                    row.put("validationHandwrittenAccuracy", hw[j]);
                    row.put("validationPrintedAccuracy", pr[j]);
                    grid.add(row);
                    progress.message(String.format(Locale.ROOT, "k %2d %-6s validation handwritten %.4f printed %.4f",
                            K_GRID[j], metric, hw[j], pr[j]));
                    if (chosen == null || SvmTrainer.score(row) > SvmTrainer.score(chosen)) {
                        chosen = row;
                    }
                }
            }
        }
        int k = (Integer) chosen.get("k");
        Metric metric = Metric.valueOf((String) chosen.get("metric"));
        progress.message("chosen: k " + k + ", " + metric);

        // 2. Validation accuracy against the number of handwritten reference digits.
        List<Map<String, Object>> sizeCurve = new ArrayList<>();
        for (int n : new int[] {1000, 2000, 4000}) {
            if (n >= corpus.data().train().size()) {
                continue;
            }
            LabelledCrops refs = corpus.handwrittenSubset(n, AUGMENTED_COPIES, options.seed() + n);
            refs.addAll(corpus.printed());
            try (KnnDigitClassifier knn = build(refs, k, metric, info)) {
                double acc = accuracies(knn, corpus.validation(), new int[] {k}, "size curve " + n)[0];
                sizeCurve.add(Map.of("handwrittenTrainDigits", n, "validationHandwrittenAccuracy", acc));
            }
        }
        sizeCurve.add(Map.of("handwrittenTrainDigits", corpus.data().train().size(),
                "validationHandwrittenAccuracy", chosen.get("validationHandwrittenAccuracy")));

        // 3. The test split, once.
        try (KnnDigitClassifier knn = build(all, k, metric, info)) {
            long[][] testConfusion = Evaluator.confusion(knn, TrainingCorpus.canonicalHandwritten(corpus.data().test()));
            double testAccuracy = Evaluator.accuracy(testConfusion);
            double printedTest = Evaluator.accuracy(Evaluator.confusion(knn,
                    corpus.corpus().printed(2, 0.3, new Random(options.seed() + 2_000_003))));
            Files.createDirectories(options.outputDir());
            Path weights = options.outputDir().resolve(ModelStore.weightsFile("knn"));
            knn.save(weights);
            double minutes = (System.nanoTime() - started) / 60e9;
            Map<String, Object> training = new LinkedHashMap<>();
            training.put("algorithm", "k nearest neighbours, votes weighted 1 / (distance + 0.01), on ND4J");
            training.put("preprocessing", "deslant (shear by second moments), 3x3 binomial blur, 8-bit reference crops");
            training.put("data", corpus.data().description());
            training.put("seed", options.seed());
            training.put("handwrittenTrainDigits", corpus.data().train().size());
            training.put("augmentedCopiesPerDigit", AUGMENTED_COPIES);
            training.put("printedCrops", corpus.printed().size());
            training.put("printedPerDigitPerFont", options.printedPerDigit());
            training.put("nonDigitShare", options.negativeShare());
            training.put("nonDigitCharacters", TrainingCorpus.NON_DIGITS);
            training.put("fonts", corpus.fontFiles());
            training.put("referenceCrops", knn.size());
            training.put("grid", grid);
            training.put("k", k);
            training.put("metric", metric.name());
            training.put("validationHandwrittenAccuracy", chosen.get("validationHandwrittenAccuracy"));
            training.put("validationPrintedAccuracy", chosen.get("validationPrintedAccuracy"));
            training.put("printedTestAccuracy", printedTest);
            training.put("sizeCurve", sizeCurve);
            training.put("testConfusion", testConfusion);
            training.put("trainingMinutes", Math.round(minutes * 10) / 10.0);
            training.put("backend", NdBackend.describe());
            ModelMetadata metadata = new ModelMetadata("knn", ModelFiles.sha256Prefix(weights), testAccuracy, training);
            ModelFiles.writeMetadata(options.outputDir().resolve(ModelStore.metadataFile("knn")), metadata);
            ModelCards.writeKnn(options.outputDir().resolve("knn-digits.md"), metadata);
            progress.message(String.format(Locale.ROOT, "test split accuracy %.4f (%d digits); printed test %.4f; %.1f min",
                    testAccuracy, corpus.data().test().size(), printedTest, minutes));
            return new DigitTrainer.Saved(metadata, weights);
        }
    }
}
