package io.numscan.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFilesTest {

    @TempDir
    Path tmp;

    private static DigitSet randomSet(int n, int rows, int cols, long seed) {
        Random r = new Random(seed);
        byte[] px = new byte[n * rows * cols];
        r.nextBytes(px);
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) r.nextInt(10);
        }
        return new DigitSet(rows, cols, px, labels);
    }

    @Test
    void roundTripGzipAndPlain() throws IOException {
        DigitSet set = randomSet(37, 28, 28, 1);
        for (String suffix : new String[] {".gz", ""}) {
            Path images = tmp.resolve("x-images-idx3-ubyte" + suffix);
            Path labels = tmp.resolve("x-labels-idx1-ubyte" + suffix);
            IdxFiles.write(set, images, labels);
            byte[] head = Files.readAllBytes(images);
            assertEquals(suffix.equals(".gz"), IdxFiles.isGzip(head));
            DigitSet back = IdxFiles.read(images, labels);
            assertEquals(set, back);
            assertEquals(37, back.size());
            assertEquals(28, back.rows());
            assertEquals(28, back.cols());
            assertArrayEquals(set.image(5), back.image(5));
            assertEquals(set.pixel(3, 4, 5), back.pixel(3, 4, 5));
        }
    }

    @Test
    void gzipIsDetectedByContentNotName() throws IOException {
        DigitSet set = randomSet(4, 5, 6, 2);
        Path gz = tmp.resolve("a.gz");
        Path lgz = tmp.resolve("l.gz");
        IdxFiles.write(set, gz, lgz);
        Path images = Files.copy(gz, tmp.resolve("images-without-suffix"));
        Path labels = Files.copy(lgz, tmp.resolve("labels-without-suffix"));
        assertEquals(set, IdxFiles.read(images, labels));
    }

    @Test
    void writingIsReproducible() throws IOException {
        DigitSet set = randomSet(10, 28, 28, 3);
        IdxFiles.write(set, tmp.resolve("a.gz"), tmp.resolve("b.gz"));
        IdxFiles.write(set, tmp.resolve("c.gz"), tmp.resolve("d.gz"));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a.gz")), Files.readAllBytes(tmp.resolve("c.gz")));
    }

    @Test
    void plainHeaderLayoutIsMnist() throws IOException {
        DigitSet set = randomSet(2, 28, 28, 4);
        Path images = tmp.resolve("i");
        Path labels = tmp.resolve("l");
        IdxFiles.write(set, images, labels);
        byte[] b = Files.readAllBytes(images);
        assertArrayEquals(new byte[] {0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 28, 0, 0, 0, 28},
                Arrays.copyOf(b, 16));
        assertEquals(16 + 2 * 784, b.length);
        byte[] l = Files.readAllBytes(labels);
        assertArrayEquals(new byte[] {0, 0, 8, 1, 0, 0, 0, 2}, Arrays.copyOf(l, 8));
    }

    @Test
    void truncatedFileGivesClearError() throws IOException {
        DigitSet set = randomSet(3, 28, 28, 5);
        Path images = tmp.resolve("imgs");
        Path labels = tmp.resolve("labs");
        IdxFiles.write(set, images, labels);
        byte[] b = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(b, b.length - 100));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxFiles.read(images, labels));
        assertTrue(e.getMessage().contains(images.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertEquals(images, e.file());
    }

    @Test
    void badMagicGivesClearError() throws IOException {
        Path images = tmp.resolve("imgs");
        Path labels = tmp.resolve("labs");
        IdxFiles.write(randomSet(3, 28, 28, 6), images, labels);
        // labels file given where images are expected: wrong number of dimensions
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxFiles.read(labels, images));
        assertTrue(e.getMessage().contains(labels.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("0x00000801"), e.getMessage());
        // not an IDX file at all
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello, world");
        e = assertThrows(IdxFormatException.class, () -> IdxFiles.read(text, labels));
        assertTrue(e.getMessage().startsWith(text.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("bad magic number"), e.getMessage());
        // float data type
        Path floats = Files.write(tmp.resolve("floats"), new byte[] {0, 0, 0x0d, 1, 0, 0, 0, 0});
        e = assertThrows(IdxFormatException.class, () -> IdxFiles.readArray(floats, 1));
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
    }

    @Test
    void corruptGzipGivesClearError() throws IOException {
        Path images = tmp.resolve("imgs.gz");
        Path labels = tmp.resolve("labs.gz");
        IdxFiles.write(randomSet(50, 28, 28, 7), images, labels);
        byte[] b = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(b, b.length / 2));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxFiles.read(images, labels));
        assertTrue(e.getMessage().contains(images.toString()) && e.getMessage().contains("gzip"),
                e.getMessage());
        b[12] ^= 0x5a; // damage the deflate stream
        b[13] ^= 0x33;
        Files.write(images, b);
        e = assertThrows(IdxFormatException.class, () -> IdxFiles.read(images, labels));
        assertTrue(e.getMessage().contains(images.toString()), e.getMessage());
    }

    @Test
    void countMismatchGivesClearError() throws IOException {
        Path images = tmp.resolve("imgs");
        Path labels = tmp.resolve("labs");
        IdxFiles.write(randomSet(3, 28, 28, 8), images, tmp.resolve("unused"));
        IdxFiles.writeArray(labels, new int[] {4}, new byte[4]);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxFiles.read(images, labels));
        assertTrue(e.getMessage().contains("3 images") && e.getMessage().contains("4 labels"),
                e.getMessage());
    }

    @Test
    void missingFileNamesTheFile() {
        Path images = tmp.resolve("nope-images");
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> IdxFiles.read(images, tmp.resolve("nope-labels")));
        assertTrue(e.getMessage().contains(images.toString()), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> DigitSplits.load(tmp, "train"));
        assertThrows(IllegalArgumentException.class, () -> DigitSplits.load(tmp, "training"));
    }

    @Test
    void loadsMnistNames() throws IOException {
        DigitSet train = randomSet(6, 28, 28, 9);
        DigitSet test = randomSet(4, 28, 28, 10);
        IdxFiles.write(train, tmp.resolve("train-images-idx3-ubyte.gz"), tmp.resolve("train-labels-idx1-ubyte.gz"));
        IdxFiles.write(test, tmp.resolve("t10k-images.idx3-ubyte"), tmp.resolve("t10k-labels.idx1-ubyte"));
        assertEquals(train, DigitSplits.loadMnist(tmp, true));
        assertEquals(test, DigitSplits.loadMnist(tmp, false));
    }

    @Test
    void loadsSplitsWrittenUnderProjectNames() throws IOException {
        DigitSet set = randomSet(5, 28, 28, 11);
        IdxFiles.write(set, tmp.resolve("digits-validation-images-idx3-ubyte.gz"),
                tmp.resolve("digits-validation-labels-idx1-ubyte.gz"));
        assertEquals(set, DigitSplits.load(tmp, "validation"));
    }

    @Test
    void committedSplitsHaveDocumentedSizes() throws IOException {
        Path data = Path.of("data");
        assumeTrue(Files.isRegularFile(data.resolve("digits-train-images-idx3-ubyte.gz")),
                "data/ splits not present");
        int[] testCounts = {201, 327, 191, 232, 180, 63, 214, 270, 144, 178};
        for (String split : DigitSplits.SPLITS) {
            DigitSet s = DigitSplits.load(data, split);
            assertEquals(28, s.rows());
            assertEquals(28, s.cols());
            int[] counts = s.labelCounts();
            for (int d = 0; d < 10; d++) {
                int want = switch (split) {
                    case "train" -> 700;
                    case "validation" -> 100;
                    default -> testCounts[d];
                };
                assertEquals(want, counts[d], split + " class " + d);
            }
            // ordered by class
            for (int i = 1; i < s.size(); i++) {
                assertTrue(s.label(i - 1) <= s.label(i), split + " not ordered by class at " + i);
            }
        }
    }
}
