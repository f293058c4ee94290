package io.numscan.segment;

/**
 * Connected-component labels of a page (0 = paper), read-only once made. It may cover only a
 * region of the page; it is addressed in page coordinates all the same, and is paper outside.
 */
public final class LabelImage {
    private final int originX;
    private final int originY;
    private final int width;
    private final int height;
    private final int[] labels;

    LabelImage(int width, int height, int[] labels) {
        this(0, 0, width, height, labels);
    }

    LabelImage(int originX, int originY, int width, int height, int[] labels) {
        if ((long) width * height != labels.length) {
            throw new IllegalArgumentException("label count does not match size");
        }
        this.originX = originX;
        this.originY = originY;
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
        int rx = x - originX;
        int ry = y - originY;
        if (rx < 0 || ry < 0 || rx >= width || ry >= height) {
            return 0;
        }
        return labels[ry * width + rx];
    }
}
