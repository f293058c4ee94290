package io.numscan.synth;

import io.numscan.train.data.DigitSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Draws handwritten digits from one split of the digit data (the test split; validation for forms
 * to tune on) onto a grey page: picks an unused digit of the wanted class, scales its ink to a
 * height, and reports the box it inked. Shared by the generated forms, so every form draws digits
 * the same way and no digit is used twice on one page.
 */
final class HandwrittenDigits {
    /** A pixel counts as ink for the expected box when the digit darkens it by at least this much. */
    static final int INK_THRESHOLD = 64;

    private final DigitSet split;
    private final Random rnd;
    private final List<List<Integer>> byClass = new ArrayList<>();
    private final Set<Integer> used = new HashSet<>();

    /** {@code split}: the test split unless the form is for tuning; {@code rnd} is the caller's, so one seed drives a whole form. */
    HandwrittenDigits(DigitSet split, Random rnd) {
        this.split = split;
        this.rnd = rnd;
        for (int d = 0; d < 10; d++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < split.size(); i++) {
            int label = split.label(i);
            if (label > 9) {
                throw new IllegalArgumentException("label " + label + " at index " + i);
            }
            byClass.get(label).add(i);
        }
    }

    int label(int index) {
        return split.label(index);
    }

    /** Width in pixels of digit {@code index} drawn at height {@code h}. */
    int widthAt(int index, int h) {
        int[] bb = inkBounds(index);
        return Math.max(1, (int) Math.round((bb[2] - bb[0] + 1) * (double) h / (bb[3] - bb[1] + 1)));
    }

    /**
     * An index of class {@code d} not used before on this form, whose ink is one connected
     * stroke (samples with stray marks are passed over, so that each digit is one glyph).
     */
    int pick(int d) {
        List<Integer> candidates = byClass.get(d);
        for (int tries = 0; tries < 1000; tries++) {
            int index = candidates.get(rnd.nextInt(candidates.size()));
            if (!used.contains(index) && components(index) == 1) {
                used.add(index);
                return index;
            }
        }
        throw new IllegalStateException("no unused digit of class " + d);
    }

    /** Number of 8-connected components of the pixels >= {@link #INK_THRESHOLD} of a digit. */
    private int components(int index) {
        int rows = split.rows();
        int cols = split.cols();
        boolean[] seen = new boolean[rows * cols];
        int count = 0;
        int[] stack = new int[rows * cols];
        for (int start = 0; start < rows * cols; start++) {
            if (seen[start] || split.pixel(index, start / cols, start % cols) < INK_THRESHOLD) {
                continue;
            }
            count++;
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int p = stack[--top];
                int r = p / cols;
                int c = p % cols;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        int rr = r + dr;
                        int cc = c + dc;
                        if (rr < 0 || cc < 0 || rr >= rows || cc >= cols) {
                            continue;
                        }
                        int q = rr * cols + cc;
                        if (!seen[q] && split.pixel(index, rr, cc) >= INK_THRESHOLD) {
                            seen[q] = true;
                            stack[top++] = q;
                        }
                    }
                }
            }
        }
        return count;
    }

    /** Ink bounds {minCol, minRow, maxCol, maxRow} of a 28x28 digit (pixels > 0). */
    private int[] inkBounds(int index) {
        int rows = split.rows();
        int cols = split.cols();
        int[] b = {cols, rows, -1, -1};
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (split.pixel(index, r, c) > 0) {
                    b[0] = Math.min(b[0], c);
                    b[1] = Math.min(b[1], r);
                    b[2] = Math.max(b[2], c);
                    b[3] = Math.max(b[3], r);
                }
            }
        }
        if (b[2] < 0) {
            throw new IllegalStateException("empty digit at index " + index);
        }
        return b;
    }

    /**
     * Draws digit {@code index} as dark ink (grey = 255 - pixel), its ink cropped and scaled with
     * bilinear interpolation to height {@code h}, centred on (cx, cy). Returns the box of the pixels
     * it darkened by at least {@link #INK_THRESHOLD}.
     */
    PixelBox drawDigit(byte[] pixels, int pageWidth, int pageHeight, int index, int cx, int cy, int h) {
        int[] bb = inkBounds(index);
        int bw = bb[2] - bb[0] + 1;
        int bh = bb[3] - bb[1] + 1;
        double scale = (double) h / bh;
        int w = Math.max(1, (int) Math.round(bw * scale));
        int x0 = cx - w / 2;
        int y0 = cy - h / 2;
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = Integer.MIN_VALUE;
        int maxY = Integer.MIN_VALUE;
        for (int oy = 0; oy < h; oy++) {
            double sy = (oy + 0.5) / scale - 0.5;
            for (int ox = 0; ox < w; ox++) {
                double sx = (ox + 0.5) / scale - 0.5;
                double v = sample(index, bb, bw, bh, sx, sy);
                int ink = (int) Math.round(v);
                if (ink <= 0) {
                    continue;
                }
                int px = x0 + ox;
                int py = y0 + oy;
                if (px < 0 || py < 0 || px >= pageWidth || py >= pageHeight) {
                    continue;
                }
                int grey = 255 - ink;
                int i = py * pageWidth + px;
                if (grey < (pixels[i] & 0xff)) {
                    pixels[i] = (byte) grey;
                }
                if (ink >= INK_THRESHOLD) {
                    minX = Math.min(minX, px);
                    minY = Math.min(minY, py);
                    maxX = Math.max(maxX, px);
                    maxY = Math.max(maxY, py);
                }
            }
        }
        return new PixelBox(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /** Bilinear sample of the cropped digit at (sx, sy) in crop coordinates; 0 outside. */
    private double sample(int index, int[] bb, int bw, int bh, double sx, double sy) {
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double fx = sx - x0;
        double fy = sy - y0;
        double v00 = px(index, bb, bw, bh, x0, y0);
        double v10 = px(index, bb, bw, bh, x0 + 1, y0);
        double v01 = px(index, bb, bw, bh, x0, y0 + 1);
        double v11 = px(index, bb, bw, bh, x0 + 1, y0 + 1);
        return (v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy;
    }

    private double px(int index, int[] bb, int bw, int bh, int x, int y) {
        if (x < 0 || y < 0 || x >= bw || y >= bh) {
            return 0;
        }
        return split.pixel(index, bb[1] + y, bb[0] + x);
    }
}
