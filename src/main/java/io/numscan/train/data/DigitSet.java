package io.numscan.train.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable set of grey-scale digit images with their labels, as stored in MNIST IDX files.
 *
 * <p>{@code pixels} holds {@code size() * rows * cols} bytes, image after image, row-major; a byte
 * read as unsigned is the grey value with 0 for background and 255 for ink. {@code labels} holds
 * one byte per image (0..9 for digits). The arrays are copied on the way in and out.
 */
public record DigitSet(int rows, int cols, byte[] pixels, byte[] labels) {

    public DigitSet {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("rows and cols must be positive: " + rows + "x" + cols);
        }
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if ((long) labels.length * rows * cols != pixels.length) {
            throw new IllegalArgumentException("pixels has " + pixels.length + " bytes, expected "
                    + labels.length + " images of " + rows + "x" + cols);
        }
        pixels = pixels.clone();
        labels = labels.clone();
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Pixels per image. */
    public int imageSize() {
        return rows * cols;
    }

    @Override
    public byte[] pixels() {
        return pixels.clone();
    }

    @Override
    public byte[] labels() {
        return labels.clone();
    }

    /** Label of image {@code i}, 0..255. */
    public int label(int i) {
        return labels[i] & 0xff;
    }

    /** Grey value (0 background .. 255 ink) of pixel (row, col) of image {@code i}. */
    public int pixel(int i, int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return pixels[i * imageSize() + row * cols + col] & 0xff;
    }

    /** Copy of the {@code rows*cols} pixels of image {@code i}. */
    public byte[] image(int i) {
        Objects.checkIndex(i, size());
        int n = imageSize();
        return Arrays.copyOfRange(pixels, i * n, (i + 1) * n);
    }

    /** The images {@code from} (inclusive) to {@code to} (exclusive) as a new set. */
    public DigitSet subset(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        int n = imageSize();
        return new DigitSet(rows, cols, Arrays.copyOfRange(pixels, from * n, to * n),
                Arrays.copyOfRange(labels, from, to));
    }

    /** Number of images per label value (array of 256 counts). */
    public int[] labelCounts() {
        int[] counts = new int[256];
        for (byte b : labels) {
            counts[b & 0xff]++;
        }
        return counts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DigitSet d && rows == d.rows && cols == d.cols
                && Arrays.equals(pixels, d.pixels) && Arrays.equals(labels, d.labels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * rows + cols) + Arrays.hashCode(pixels)) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "DigitSet[" + size() + " images of " + rows + "x" + cols + "]";
    }
}
