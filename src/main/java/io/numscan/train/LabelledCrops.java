package io.numscan.train;

import io.numscan.classify.CropNormalizer;
import java.util.Arrays;

/** Normalized 28x28 crops with their class, grown as samples are made. */
public final class LabelledCrops {
    private float[] features;
    private int[] labels;
    private int size;

    public LabelledCrops(int capacity) {
        features = new float[Math.max(1, capacity) * CropNormalizer.PIXELS];
        labels = new int[Math.max(1, capacity)];
    }

    /** Normalizes {@code mask} into the next slot; empty masks are skipped. */
    public boolean add(CropNormalizer normalizer, Mask mask, int label) {
        ensureCapacity(size + 1);
        if (!normalizer.normalize(mask, mask.frame(), features, size * CropNormalizer.PIXELS)) {
            return false;
        }
        labels[size++] = label;
        return true;
    }

    public void addAll(LabelledCrops other) {
        ensureCapacity(size + other.size);
        System.arraycopy(other.features, 0, features, size * CropNormalizer.PIXELS, other.size * CropNormalizer.PIXELS);
        System.arraycopy(other.labels, 0, labels, size, other.size);
        size += other.size;
    }

    private void ensureCapacity(int n) {
        if (n > labels.length) {
            int cap = Math.max(n, labels.length * 2);
            labels = Arrays.copyOf(labels, cap);
            features = Arrays.copyOf(features, cap * CropNormalizer.PIXELS);
        }
    }

    public int size() {
        return size;
    }

    public int label(int i) {
        return labels[i];
    }

    /** Copies crop {@code i} into {@code target} at {@code offset}. */
    public void copyCrop(int i, float[] target, int offset) {
        System.arraycopy(features, i * CropNormalizer.PIXELS, target, offset, CropNormalizer.PIXELS);
    }

    public float[] crop(int i) {
        return Arrays.copyOfRange(features, i * CropNormalizer.PIXELS, (i + 1) * CropNormalizer.PIXELS);
    }
}
