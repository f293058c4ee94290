package io.numscan.train;

import io.numscan.classify.CropNormalizer;
import io.numscan.classify.DigitClasses;
import io.numscan.classify.DigitFeatures;
import io.numscan.classify.ModelInfo;
import io.numscan.classify.ModelMetadata;
import io.numscan.classify.ModelStore;
import io.numscan.classify.SvmDigitClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * Trains the RBF support vector machine: C and gamma from a small grid on a subsample, judged on
 * the validation split; the final machine on every training crop; a softmax temperature fitted
 * to the validation split; the test split measured once.
 */
public final class SvmTrainer implements DigitTrainer {
    static final double[] C_GRID = {4, 16};
    static final double[] GAMMA_FACTORS = {1, 3};
    static final int GRID_HANDWRITTEN = 3000;
    static final int GRID_PRINTED = 1000;
    /** Kernel machines grow with the square of the crops: no augmented copies, fewer printed ones than the CNN. */
    static final int AUGMENTED_COPIES = 0;

    private final TrainOptions options;
    private final TrainingProgress progress;

    public SvmTrainer(TrainOptions options, TrainingProgress progress) {
        this.options = options;
        this.progress = progress;
    }

    @Override
    public String kind() {
        return "svm";
    }

    /** Features and labels as libsvm wants them. */
    record Problem(svm_node[][] x, int[] y) {
        int size() {
            return y.length;
        }

        svm_problem toLibsvm() {
            svm_problem p = new svm_problem();
            p.l = y.length;
            p.x = x;
            p.y = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                p.y[i] = y[i];
            }
            return p;
        }

        static Problem of(LabelledCrops crops) {
            svm_node[][] x = new svm_node[crops.size()][];
            int[] y = new int[crops.size()];
            float[] crop = new float[CropNormalizer.PIXELS];
            float[] f = new float[DigitFeatures.SVM_LENGTH];
            for (int i = 0; i < crops.size(); i++) {
                crops.copyCrop(i, crop, 0);
                DigitFeatures.svmFeatures(crop, 0, f, 0);
                x[i] = SvmDigitClassifier.nodes(f, 0, f.length);
                y[i] = crops.label(i);
            }
            return new Problem(x, y);
        }

        Problem concat(Problem other) {
            svm_node[][] xs = java.util.Arrays.copyOf(x, size() + other.size());
            System.arraycopy(other.x, 0, xs, size(), other.size());
            int[] ys = java.util.Arrays.copyOf(y, size() + other.size());
            System.arraycopy(other.y, 0, ys, size(), other.size());
            return new Problem(xs, ys);
        }

        Problem sample(int n, Random random) {
            if (n >= size()) {
                return this;
            }
            int[] order = java.util.stream.IntStream.range(0, size()).toArray();
            for (int i = size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            svm_node[][] xs = new svm_node[n][];
            int[] ys = new int[n];
            for (int i = 0; i < n; i++) {
                xs[i] = x[order[i]];
                ys[i] = y[order[i]];
            }
            return new Problem(xs, ys);
        }
    }

    static svm_model fit(Problem problem, double c, double gamma) {
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.C_SVC;
        p.kernel_type = svm_parameter.RBF;
        p.C = c;
        p.gamma = gamma;
        p.cache_size = 300;
        p.eps = 1e-3;
        p.shrinking = 1;
        p.probability = 0;
        p.nr_weight = 0;
        p.weight_label = new int[0];
        p.weight = new double[0];
        svm_problem lib = problem.toLibsvm();
        String error = svm.svm_check_parameter(lib, p);
        if (error != null) {
            throw new IllegalArgumentException(error);
        }
        return svm.svm_train(lib, p);
    }

    /** Class scores of every row, flattened [n x 11]. */
    static double[] scores(svm_model model, Problem problem) {
        SvmDigitClassifier c = new SvmDigitClassifier(model, 1, null);
        double[] all = new double[problem.size() * DigitClasses.COUNT];
        double[] s = new double[DigitClasses.COUNT];
        for (int i = 0; i < problem.size(); i++) {
            c.scores(problem.x()[i], s);
            System.arraycopy(s, 0, all, i * DigitClasses.COUNT, DigitClasses.COUNT);
        }
        return all;
    }

    static double accuracy(double[] scores, int[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < DigitClasses.COUNT; c++) {
                if (scores[i * DigitClasses.COUNT + c] > scores[i * DigitClasses.COUNT + best]) {
                    best = c;
                }
            }
            right += best == labels[i] ? 1 : 0;
        }
        return labels.length == 0 ? 0 : (double) right / labels.length;
    }

    /** Temperature minimizing the validation negative log-likelihood (log-spaced search). */
    static double fitTemperature(double[] scores, int[] labels) {
        double best = 1;
        double bestNll = Double.MAX_VALUE;
        float[] p = new float[DigitClasses.COUNT];
        double[] row = new double[DigitClasses.COUNT];
        for (double logT = -4; logT <= 2; logT += 0.05) {
            double t = Math.exp(logT);
            double nll = 0;
            for (int i = 0; i < labels.length; i++) {
                System.arraycopy(scores, i * DigitClasses.COUNT, row, 0, DigitClasses.COUNT);
                SvmDigitClassifier.softmax(row, t, p, 0);
                nll -= Math.log(Math.max(1e-12, p[labels[i]]));
            }
            if (nll < bestNll) {
                bestNll = nll;
                best = t;
            }
        }
        return best;
    }

    /** 1 / mean squared distance between random pairs: gamma's natural scale for these features. */
    static double gammaScale(Problem problem, Random random) {
        double sum = 0;
        int pairs = 2000;
        for (int i = 0; i < pairs; i++) {
            svm_node[] a = problem.x()[random.nextInt(problem.size())];
            svm_node[] b = problem.x()[random.nextInt(problem.size())];
            for (int d = 0; d < a.length; d++) {
                double diff = a[d].value - b[d].value;
                sum += diff * diff;
            }
        }
        return pairs / sum;
    }

    @Override
    public DigitTrainer.Saved train() throws IOException {
        long started = System.nanoTime();
        svm.svm_set_print_string_function(s -> { });
        int printedPerDigit = Math.min(2, options.printedPerDigit());
        double negativeShare = Math.min(0.25, options.negativeShare());
        FixedCorpus corpus = FixedCorpus.build(options, progress, AUGMENTED_COPIES, printedPerDigit, negativeShare);
        Problem handwritten = Problem.of(corpus.handwritten());
        Problem printed = Problem.of(corpus.printed());
        Problem all = handwritten.concat(printed);
        Problem validation = Problem.of(corpus.validation());
        Problem printedValidation = Problem.of(corpus.printedValidation());
        Random random = new Random(options.seed());
        double scale = gammaScale(all, random);

        // 1. C and gamma on a subsample, judged on the validation split.
        Problem gridSet = handwritten.sample(GRID_HANDWRITTEN, random).concat(printed.sample(GRID_PRINTED, random));
        List<Map<String, Object>> grid = new ArrayList<>();
        List<double[]> cells = new ArrayList<>();
        for (double c : C_GRID) {
            for (double g : GAMMA_FACTORS) {
                cells.add(new double[] {c, g * scale});
            }
        }
        progress.message(String.format(Locale.ROOT, "grid search: %d (C, gamma) pairs on %d crops, gamma scale %.5f",
                cells.size(), gridSet.size(), scale));
        progress.startEpoch();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(2,
                Runtime.getRuntime().availableProcessors())));
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (double[] cell : cells) {
                futures.add(pool.submit(() -> {
                    svm_model m = fit(gridSet, cell[0], cell[1]);
                    double hw = accuracy(scores(m, validation), validation.y());
                    double pr = accuracy(scores(m, printedValidation), printedValidation.y());
                    return new double[] {cell[0], cell[1], hw, pr, m.l};
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                double[] r = futures.get(i).get();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("C", r[0]);
                row.put("gamma", r[1]);
                row.put("validationHandwrittenAccuracy", r[2]);
                row.put("validationPrintedAccuracy", r[3]);
                row.put("supportVectors", (int) r[4]);
                grid.add(row);
                progress.step("grid", i + 1, futures.size(), String.format(Locale.ROOT,
                        "C %.0f gamma %.4f: validation handwritten %.4f printed %.4f", r[0], r[1], r[2], r[3]));
            }
        } catch (Exception e) {
            throw new IOException("grid search failed: " + e.getMessage(), e);
        } finally {
            pool.shutdown();
        }
        Map<String, Object> chosen = grid.stream().max(java.util.Comparator.comparingDouble(SvmTrainer::score)).orElseThrow();
        double bestC = (Double) chosen.get("C");
        double bestGamma = (Double) chosen.get("gamma");
        progress.message(String.format(Locale.ROOT, "chosen: C %.0f, gamma %.5f", bestC, bestGamma));

        // 2. Validation accuracy against the number of handwritten training digits.
        List<Map<String, Object>> sizeCurve = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int n : new int[] {1000, 2000, 4000}) {
            if (n < corpus.data().train().size()) {
                sizes.add(n);
            }
        }
        progress.startEpoch();
        for (int i = 0; i < sizes.size(); i++) {
            int n = sizes.get(i);
            Problem subset = Problem.of(corpus.handwrittenSubset(n, AUGMENTED_COPIES, options.seed() + n)).concat(printed);
            svm_model m = fit(subset, bestC, bestGamma);
            double acc = accuracy(scores(m, validation), validation.y());
            sizeCurve.add(Map.of("handwrittenTrainDigits", n, "validationHandwrittenAccuracy", acc));
            progress.step("size curve", i + 1, sizes.size() + 1, String.format(Locale.ROOT, "%d digits: validation %.4f", n, acc));
        }

        // 3. The final machine on every crop.
        progress.message("fitting the final SVM on " + all.size() + " crops");
        svm_model model = fit(all, bestC, bestGamma);
        double[] validationScores = scores(model, validation);
        double[] printedScores = scores(model, printedValidation);
        double validationAccuracy = accuracy(validationScores, validation.y());
        double printedValidationAccuracy = accuracy(printedScores, printedValidation.y());
        sizeCurve.add(Map.of("handwrittenTrainDigits", corpus.data().train().size(),
                "validationHandwrittenAccuracy", validationAccuracy));
        double[] calibration = new double[validationScores.length + printedScores.length];
        System.arraycopy(validationScores, 0, calibration, 0, validationScores.length);
        System.arraycopy(printedScores, 0, calibration, validationScores.length, printedScores.length);
        int[] calibrationLabels = java.util.stream.IntStream.concat(java.util.Arrays.stream(validation.y()),
                java.util.Arrays.stream(printedValidation.y())).toArray();
        double temperature = fitTemperature(calibration, calibrationLabels);
        progress.message(String.format(Locale.ROOT,
                "final SVM: %d support vectors; validation handwritten %.4f, printed %.4f; softmax temperature %.4f",
                model.l, validationAccuracy, printedValidationAccuracy, temperature));

        // 4. The test split, once.
        SvmDigitClassifier classifier = new SvmDigitClassifier(model, temperature,
                new ModelInfo("svm", "training", Double.NaN, "libsvm", "in training"));
        long[][] testConfusion = Evaluator.confusion(classifier, TrainingCorpus.canonicalHandwritten(corpus.data().test()));
        double testAccuracy = Evaluator.accuracy(testConfusion);
        double printedTest = Evaluator.accuracy(Evaluator.confusion(classifier,
                corpus.corpus().printed(2, 0.3, new Random(options.seed() + 2_000_003))));

        Files.createDirectories(options.outputDir());
        Path weights = options.outputDir().resolve(ModelStore.weightsFile("svm"));
        classifier.save(weights);
        double minutes = (System.nanoTime() - started) / 60e9;
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("algorithm", "C-SVC, RBF kernel, one-versus-one (libsvm " + svm.LIBSVM_VERSION / 100 + "." + svm.LIBSVM_VERSION % 100 + ")");
        training.put("features", DigitFeatures.SVM_DESCRIPTION);
        training.put("probabilities", "softmax of (one-versus-one votes + 0.5 tanh(mean decision value)) / temperature (fitted on validation)");
        training.put("data", corpus.data().description());
        training.put("seed", options.seed());
        training.put("handwrittenTrainDigits", corpus.data().train().size());
        training.put("augmentedCopiesPerDigit", AUGMENTED_COPIES);
        training.put("printedCrops", corpus.printed().size());
        training.put("printedPerDigitPerFont", printedPerDigit);
        training.put("nonDigitShare", negativeShare);
        training.put("nonDigitCharacters", TrainingCorpus.NON_DIGITS);
        training.put("fonts", corpus.fontFiles());
        training.put("trainingCrops", all.size());
        training.put("gridSubsample", gridSet.size());
        training.put("grid", grid);
        training.put("C", bestC);
        training.put("gamma", bestGamma);
        training.put("temperature", temperature);
        training.put("supportVectors", model.l);
        training.put("validationHandwrittenAccuracy", validationAccuracy);
        training.put("validationPrintedAccuracy", printedValidationAccuracy);
        training.put("printedTestAccuracy", printedTest);
        training.put("sizeCurve", sizeCurve);
        training.put("testConfusion", testConfusion);
        training.put("trainingMinutes", Math.round(minutes * 10) / 10.0);
        training.put("backend", "libsvm (Java), " + Runtime.getRuntime().availableProcessors() + " cores");
        ModelMetadata metadata = new ModelMetadata("svm", ModelFiles.sha256Prefix(weights), testAccuracy, training);
        ModelFiles.writeMetadata(options.outputDir().resolve(ModelStore.metadataFile("svm")), metadata);
        ModelCards.writeSvm(options.outputDir().resolve("svm-digits.md"), metadata);
        progress.message(String.format(Locale.ROOT, "test split accuracy %.4f (%d digits); printed test %.4f; %.1f min",
                testAccuracy, corpus.data().test().size(), printedTest, minutes));
        return new DigitTrainer.Saved(metadata, weights);
    }

    /** The CNN's rule: handwritten and printed validation accuracy count equally. */
    static double score(Map<String, Object> row) {
        return ((Double) row.get("validationHandwrittenAccuracy") + (Double) row.get("validationPrintedAccuracy")) / 2;
    }
}
