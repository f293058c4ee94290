package io.numscan.segment;

import io.numscan.geom.Box;

/**
 * A % drawn in one piece, its bar touching both rings: read as a whole it looks to the classifier
 * like an 8 (the 8% of a VAT column read as 88). Its holes tell it apart: two small rings, one
 * high on the left and one low on the right, where an 8's two holes stand one over the other
 * (an italic 8 leans the other way).
 */
public final class PercentShape {
    /** Holes smaller than this share of the glyph's box are specks of paper inside thick ink. */
    private static final double MIN_HOLE_SHARE = 0.004;
    /** The lower ring's centre lies at least this share of the width right of the upper ring's. */
    private static final double MIN_DIAGONAL_SHIFT = 0.25;
    /**
     * A ring's hole is at most this share of the glyph's box: 3 to 5 % in print, where the loops
     * of a handwritten 8 that leans back, which sit as diagonally, are 7 % and more.
     */
    private static final double MAX_RING_AREA = 0.06;

    private PercentShape() {
    }

    /** Whether {@code glyph}'s ink encloses exactly two holes, upper left and lower right, apart. */
    public static boolean hasDiagonalRings(LabelImage labels, Glyph glyph) {
        Box b = glyph.box();
        int w = b.width();
        int h = b.height();
        if (w < 4 || h < 4) {
            return false;
        }
        // 0 = paper not yet reached, 1 = ink, 2 = paper reached from the border, 3+ = holes.
        int[] cells = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int l = labels.get(b.x() + x, b.y() + y);
                cells[y * w + x] = l != 0 && glyph.owns(l) ? 1 : 0;
            }
        }
        int[] stack = new int[w * h];
        for (int x = 0; x < w; x++) {
            fill(cells, stack, w, h, x, 0, 2);
            fill(cells, stack, w, h, x, h - 1, 2);
        }
        for (int y = 0; y < h; y++) {
            fill(cells, stack, w, h, 0, y, 2);
            fill(cells, stack, w, h, w - 1, y, 2);
        }
        int minArea = Math.max(2, (int) Math.round(MIN_HOLE_SHARE * w * h));
        double[][] holes = new double[2][];
        int found = 0;
        int mark = 2;
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != 0) {
                continue;
            }
            mark++;
            int area = fill(cells, stack, w, h, i % w, i / w, mark);
            if (area < minArea) {
                continue;
            }
            if (found == 2) {
                return false;
            }
            holes[found++] = extent(cells, w, h, mark, area);
        }
        if (found != 2) {
            return false;
        }
        double[] upper = holes[0][4] <= holes[1][4] ? holes[0] : holes[1];
        double[] lower = upper == holes[0] ? holes[1] : holes[0];
        // extent: minX, minY, maxX, maxY, centreY, centreX, area
        return upper[3] < lower[1] && upper[4] < 0.45 * h && lower[4] > 0.55 * h
                && Math.max(upper[6], lower[6]) <= MAX_RING_AREA * w * h
                && lower[5] - upper[5] >= MIN_DIAGONAL_SHIFT * w;
    }

    /** Flood-fills the paper 4-connected to (x, y) with {@code mark}; returns its area. */
    private static int fill(int[] cells, int[] stack, int w, int h, int x, int y, int mark) {
        int start = y * w + x;
        if (cells[start] != 0) {
            return 0;
        }
        int top = 0;
        int area = 0;
        stack[top++] = start;
        cells[start] = mark;
        while (top > 0) {
            int p = stack[--top];
            area++;
            int px = p % w;
            int py = p / w;
            if (px > 0 && cells[p - 1] == 0) {
                cells[p - 1] = mark;
                stack[top++] = p - 1;
            }
            if (px < w - 1 && cells[p + 1] == 0) {
                cells[p + 1] = mark;
                stack[top++] = p + 1;
            }
            if (py > 0 && cells[p - w] == 0) {
                cells[p - w] = mark;
                stack[top++] = p - w;
            }
            if (py < h - 1 && cells[p + w] == 0) {
                cells[p + w] = mark;
                stack[top++] = p + w;
            }
        }
        return area;
    }

    private static double[] extent(int[] cells, int w, int h, int mark, int area) {
        int minX = w;
        int minY = h;
        int maxX = -1;
        int maxY = -1;
        long sumX = 0;
        long sumY = 0;
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (cells[y * w + x] == mark) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                    sumX += x;
                    sumY += y;
                    n++;
                }
            }
        }
        return new double[] {minX, minY, maxX, maxY, (double) sumY / n, (double) sumX / n, area};
    }
}
