package io.numscan.train;

import io.numscan.classify.ModelMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Model cards of the SVM, the k-NN and the form fields' handwriting reader (the CNN's is {@link ModelFiles#writeCard}). */
public final class ModelCards {
    private ModelCards() {
    }

    public static void writeSvm(Path file, ModelMetadata m) throws IOException {
        var t = m.training();
        StringBuilder s = new StringBuilder();
        s.append("# NumScan SVM digit classifier ").append(m.version()).append("\n\n");
        s.append("`svm-digits.zip` holds libsvm's model file (`svm.model`) and `svm.properties` (softmax temperature); ")
                .append("`svm-digits.json` the metadata this card is made from.\n\n");
        s.append("## Model\n\n").append(t.get("algorithm")).append(" with C = ").append(num(t.get("C")))
                .append(" and gamma = ").append(num(t.get("gamma"))).append("; ").append(t.get("supportVectors"))
                .append(" support vectors.\n\nFeatures: ").append(t.get("features")).append(".\n\n");
        s.append("Probabilities: ").append(t.get("probabilities")).append(String.format(Locale.ROOT,
                " (T = %.4f). Votes, not summed decision values, because on the validation split they were 1-2 points more accurate. Chosen over libsvm's `-b 1` (Platt scaling with pairwise coupling) because that runs ",
                ((Number) t.get("temperature")).doubleValue()))
                .append("an internal 5-fold cross-validation for each of the 55 class pairs, about six times the training ")
                .append("time on two cores, while the pipeline only needs a well-ordered confidence per class; one ")
                .append("temperature fitted on the validation split (minimum negative log-likelihood) calibrates it.\n\n");
        common(s, t);
        s.append("## Hyper-parameters and how they were chosen\n\n");
        s.append("C and gamma from a grid (C in 4, 16; gamma = 1 or 3 times 1 / mean squared distance between ")
                .append("random training pairs), each machine trained on a random subsample of ").append(t.get("gridSubsample"))
                .append(" training crops (3,000 handwritten, 1,000 printed) and judged on the validation split (mean of handwritten and printed accuracy, ")
                .append("the CNN's rule). The final machine was then trained on all ").append(t.get("trainingCrops"))
                .append(" crops.\n\n| C | gamma | validation handwritten | validation printed | SVs |\n|---|---|---|---|---|\n");
        for (Map<String, Object> row : rows(t.get("grid"))) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f | %s |%n", num(row.get("C")), num(row.get("gamma")),
                    d(row.get("validationHandwrittenAccuracy")), d(row.get("validationPrintedAccuracy")),
                    row.get("supportVectors")));
        }
        s.append("\n");
        tail(s, m, "svm");
        Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
    }

    public static void writeKnn(Path file, ModelMetadata m) throws IOException {
        var t = m.training();
        StringBuilder s = new StringBuilder();
        s.append("# NumScan k-NN digit classifier ").append(m.version()).append("\n\n");
        s.append("`knn-digits.zip` holds the reference set (`references.bin`: each deslanted training crop as 784 ")
                .append("bytes, then the labels) and `knn.properties` (k, distance); `knn-digits.json` the metadata.\n\n");
        s.append("## Model\n\n").append(t.get("algorithm")).append("; k = ").append(t.get("k")).append(", distance ")
                .append(t.get("metric")).append(", ").append(t.get("referenceCrops")).append(" reference crops. ")
                .append("Preprocessing: ").append(t.get("preprocessing")).append(". The distances of a batch to all ")
                .append("references are one matrix product, so the CUDA build runs it on the GPU unchanged. ")
                .append("Probabilities are the weighted vote shares, smoothed by 1%.\n\n");
        common(s, t);
        s.append("## Hyper-parameters and how they were chosen\n\n");
        s.append("k in 1, 3, 4, 5, 6, 8, 10 and distance L2 or cosine, judged on the validation split (mean of ")
                .append("handwritten and printed accuracy, the CNN's rule).\n\n")
                .append("| k | distance | validation handwritten | validation printed |\n|---|---|---|---|\n");
        for (Map<String, Object> row : rows(t.get("grid"))) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f |%n", row.get("k"), row.get("metric"),
                    d(row.get("validationHandwrittenAccuracy")), d(row.get("validationPrintedAccuracy"))));
        }
        s.append("\n");
        tail(s, m, "knn");
        Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
    }

    public static void writeHandwriting(Path file, ModelMetadata m) throws IOException {
        var t = m.training();
        StringBuilder s = new StringBuilder();
        s.append("# Model card: form-field handwriting reader (`handwriting`)\n\n");
        s.append("Version `").append(m.version()).append("` (first 12 hex digits of the SHA-256 of `handwriting-digits.zip`).\n\n");
        s.append("## What it does\n\n")
                .append("Says, with the page classifier, which digit a glyph written into a form field is. The page classifier ")
                .append("(`cnn`, `svm` or `knn`) still decides whether a glyph is a digit at all; for a glyph in a form's own box ")
                .append("or comb (not a ruled table's cell, which holds print), its digit probabilities become the normalized ")
                .append("geometric mean of its own and this model's, keeping their sum. ")
                .append("It has no `not-a-digit` class and is never used outside fields.\n\n");
        s.append("## Data\n\n- ").append(t.get("data")).append("; the ").append(t.get("handwrittenTrainDigits"))
                .append(" train digits only, no printed glyphs. Every epoch draws each digit ").append(t.get("handwrittenRepeatsPerEpoch"))
                .append(" times, each time anew at a height of 20-80 px with affine (rotation, scale, shear) and, half the time, ")
                .append("elastic distortion, then binarizes it as a scanned form would be (the page CNN's augmentation).\n");
        s.append("- Seed ").append(t.get("seed")).append(". The best epoch was chosen on the validation split; the test split ")
                .append("was measured once, at the end.\n\n");
        s.append("## Architecture and training\n\n").append(t.get("architecture")).append(".\n\n");
        s.append("Batch ").append(t.get("batchSize")).append(", learning rate ").append(t.get("learningRate")).append(", ")
                .append(t.get("epochsRun")).append(" epochs run, best epoch ").append(t.get("bestEpoch")).append(", ")
                .append(t.get("trainingMinutes")).append(" minutes on ").append(t.get("backend")).append(".\n\n");
        s.append("| epoch | loss | validation accuracy |\n|---|---|---|\n");
        @SuppressWarnings("unchecked")
        List<List<Number>> history = (List<List<Number>>) t.get("history");
        for (List<Number> row : history) {
            s.append(String.format(Locale.ROOT, "| %d | %.4f | %.4f |%n", row.get(0).intValue(), row.get(1).doubleValue(),
                    row.get(2).doubleValue()));
        }
        s.append("\n## Accuracy\n\n| set | accuracy |\n|---|---|\n");
        s.append(String.format(Locale.ROOT, "| **test split, handwritten (10-way)** | **%.4f** |%n", m.testAccuracy()));
        s.append(String.format(Locale.ROOT, "| validation split, handwritten | %.4f |%n%n", d(t.get("validationHandwrittenAccuracy"))));
        s.append("Digits are seen as the pipeline sees a digit on a 300-DPI form: drawn 56 px high, binarized, normalized. ")
                .append("`mvn verify` checks that the shipped model still reaches this figure.\n\n");
        s.append("## Reproduce\n\n```\n./numscan train --model handwriting --out models\n```\n\n")
                .append("No fonts needed. Same seed and data give the same crops; floating-point reductions in the BLAS may still ")
                .append("move the last digit of the accuracy.\n\n");
        s.append("## Limits\n\nTrained on ").append(t.get("handwrittenTrainDigits"))
                .append(" handwritten digits of MNIST's writers; other hands, pens and scripts may read worse.\n");
        Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
    }

    private static void common(StringBuilder s, Map<String, Object> t) {
        s.append("## Data\n\n");
        s.append("- Handwritten: ").append(t.get("data")).append("; ").append(t.get("handwrittenTrainDigits"))
                .append(" train digits in the canonical view (drawn 56 px high, binarized, normalized, as a 300-DPI form ")
                .append("shows them) plus ").append(t.get("augmentedCopiesPerDigit"))
                .append(" augmented cop").append(((Number) t.get("augmentedCopiesPerDigit")).intValue() == 1 ? "y" : "ies")
                .append(" of each (affine and elastic distortion, random height).\n");
        s.append("- Printed: ").append(t.get("printedCrops")).append(" crops: ").append(t.get("printedPerDigitPerFont"))
                .append(" renderings per digit per font, and about ")
                .append(Math.round(((Number) t.get("nonDigitShare")).doubleValue() * 100))
                .append("% of each font's non-digit characters as `not-a-digit`: `").append(t.get("nonDigitCharacters"))
                .append("`.\n");
        @SuppressWarnings("unchecked")
        List<String> fonts = (List<String>) t.get("fonts");
        s.append("- Fonts (").append(fonts.size()).append("): ")
                .append(String.join(", ", fonts.stream().map(f -> "`" + f + "`").toList())).append("\n");
        s.append("- Seed ").append(t.get("seed")).append(". Every choice used the validation split only; the test ")
                .append("split was measured once, at the end.\n\n");
    }

    private static void tail(StringBuilder s, ModelMetadata m, String kind) {
        var t = m.training();
        s.append("Validation accuracy against the number of handwritten training digits (same hyper-parameters):\n\n")
                .append("| handwritten train digits | validation handwritten |\n|---|---|\n");
        for (Map<String, Object> row : rows(t.get("sizeCurve"))) {
            s.append(String.format(Locale.ROOT, "| %s | %.4f |%n", row.get("handwrittenTrainDigits"),
                    d(row.get("validationHandwrittenAccuracy"))));
        }
        s.append("\n## Accuracy\n\n| set | accuracy |\n|---|---|\n");
        s.append(String.format(Locale.ROOT, "| **test split, handwritten (11-way)** | **%.4f** |%n", m.testAccuracy()));
        s.append(String.format(Locale.ROOT, "| validation split, handwritten | %.4f |%n", d(t.get("validationHandwrittenAccuracy"))));
        s.append(String.format(Locale.ROOT, "| printed validation glyphs | %.4f |%n", d(t.get("validationPrintedAccuracy"))));
        s.append(String.format(Locale.ROOT, "| printed test glyphs (separate seed) | %.4f |%n%n", d(t.get("printedTestAccuracy"))));
        s.append("A test digit counts as right only when its class wins over all 11 classes, `not-a-digit` included. ")
                .append("`mvn verify` checks that the shipped model still reaches this figure; `numscan evaluate --model ")
                .append(kind).append("` prints per-class precision, recall and F1, the confusions and the speed.\n\n");
        s.append("Trained in ").append(t.get("trainingMinutes")).append(" minutes on ").append(t.get("backend")).append(".\n\n");
        s.append("## Reproduce\n\n```\n./numscan train --model ").append(kind).append(" --out models\n```\n\n")
                .append("with the fonts above installed. `--mnist-dir DIR` trains on the full MNIST IDX files instead ")
                .append("(validation = last 10% of the train file, test = t10k).\n");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    private static double d(Object o) {
        return ((Number) o).doubleValue();
    }

    private static String num(Object o) {
        double v = d(o);
        return v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.5f", v);
    }
}
