package io.numscan.segment;

/** Connected-component labels of a page (0 = paper), read-only once made. */
public final class LabelImage {
    private final int width;
    private final int height;
    private final int[] labels;

    LabelImage(int width, int height, int[] labels) {
        if ((long) width * height != labels.length) {
            throw new IllegalArgumentException("label count does not match size");
        }
        this.width = width;
        this.height = height;
        this.labels = labels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int get(int x, int y) {
        return labels[y * width + x];
    }
}
