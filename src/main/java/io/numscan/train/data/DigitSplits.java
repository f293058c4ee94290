package io.numscan.train.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Locates and loads the digit data sets.
 *
 * <ul>
 *   <li>{@link #load(Path, String)}: the project's own splits in {@code data/}, made by
 *       {@code data/convert-mnist.mjs}: {@code digits-<split>-images-idx3-ubyte.gz} and
 *       {@code digits-<split>-labels-idx1-ubyte.gz} for split {@code train}, {@code validation},
 *       {@code test}. The test split is for final evaluation only: never train or tune on it.</li>
 *   <li>{@link #loadMnist(Path, boolean)}: the full original MNIST files
 *       ({@code train-images-idx3-ubyte[.gz]}, {@code t10k-images-idx3-ubyte[.gz]}, and the labels;
 *       the variant spelling {@code train-images.idx3-ubyte} is also found).</li>
 * </ul>
 */
public final class DigitSplits {

    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";
    public static final String TEST = "test";
    public static final List<String> SPLITS = List.of(TRAIN, VALIDATION, TEST);

    private DigitSplits() {
    }

    /** Images file of a split in {@code dataDir} (the .gz name, or the plain one if only that exists). */
    public static Path imagesFile(Path dataDir, String split) {
        return existing(dataDir, "digits-" + checkSplit(split) + "-images-idx3-ubyte");
    }

    /** Labels file of a split in {@code dataDir}. */
    public static Path labelsFile(Path dataDir, String split) {
        return existing(dataDir, "digits-" + checkSplit(split) + "-labels-idx1-ubyte");
    }

    /** Loads split {@code train}, {@code validation} or {@code test} from {@code dataDir}. */
    public static DigitSet load(Path dataDir, String split) throws IOException {
        Path images = imagesFile(dataDir, split);
        Path labels = labelsFile(dataDir, split);
        requireExists(images, "digit images of split '" + split + "' (run: node data/convert-mnist.mjs)");
        requireExists(labels, "digit labels of split '" + split + "' (run: node data/convert-mnist.mjs)");
        return IdxFiles.read(images, labels);
    }

    /**
     * Loads the original MNIST training set (60,000) if {@code train}, else the test set (10,000),
     * from {@code dir}.
     */
    public static DigitSet loadMnist(Path dir, boolean train) throws IOException {
        String prefix = train ? "train" : "t10k";
        Path images = findMnist(dir, prefix, "images", "idx3");
        Path labels = findMnist(dir, prefix, "labels", "idx1");
        return IdxFiles.read(images, labels);
    }

    private static Path findMnist(Path dir, String prefix, String kind, String idx) throws IOException {
        List<String> names = List.of(prefix + "-" + kind + "-" + idx + "-ubyte",
                prefix + "-" + kind + "." + idx + "-ubyte");
        for (String name : names) {
            for (String suffix : List.of(".gz", "")) {
                Path p = dir.resolve(name + suffix);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        throw new NoSuchFileException(dir.resolve(names.get(0)).toString(), null,
                "MNIST " + kind + " file not found (also tried .gz and " + names.get(1) + ")");
    }

    private static String checkSplit(String split) {
        String s = split == null ? "" : split.toLowerCase(Locale.ROOT);
        if (!SPLITS.contains(s)) {
            throw new IllegalArgumentException("unknown split '" + split + "', expected one of " + SPLITS);
        }
        return s;
    }

    private static Path existing(Path dir, String base) {
        Path gz = dir.resolve(base + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path plain = dir.resolve(base);
        return Files.isRegularFile(plain) ? plain : gz;
    }

    private static void requireExists(Path p, String what) throws NoSuchFileException {
        if (!Files.isRegularFile(p)) {
            throw new NoSuchFileException(p.toString(), null, what + " not found");
        }
    }
}
