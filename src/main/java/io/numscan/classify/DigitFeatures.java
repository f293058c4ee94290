package io.numscan.classify;

/**
 * Hand-made features of a normalized 28x28 crop for the classical classifiers: deslanting
 * (shear by second moments) and histograms of oriented gradients. Pure functions, no state.
 */
public final class DigitFeatures {
    private static final int N = CropNormalizer.SIZE;
    private static final int BINS = 9;
    /** HOG of 7x7-pixel cells (4x4 of them), blocks of 2x2 cells at a 1-cell stride, 9 unsigned bins. */
    public static final int HOG_LENGTH = 3 * 3 * 4 * BINS;
    /** The deslanted crop averaged over 2x2 pixels. */
    public static final int POOLED_LENGTH = 14 * 14;
    public static final int SVM_LENGTH = HOG_LENGTH + POOLED_LENGTH;
    public static final String SVM_DESCRIPTION = "deslanted crop; HOG (7x7-px cells, 2x2-cell blocks at stride 1, "
            + "9 unsigned orientation bins, L2-Hys) = 324 values, plus the deslanted crop pooled to 14x14 = 196 values";

    private DigitFeatures() {
    }

    /**
     * Shears the crop so its principal axis is vertical: x' = x + a (y - cy) with a = mu11 / mu02,
     * clamped to [-1, 1]. Keeps the centre of mass where it is.
     */
    public static void deslant(float[] crop, int offset, float[] out, int outOffset) {
        double m = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                double v = crop[offset + y * N + x];
                m += v;
                sx += v * x;
                sy += v * y;
            }
        }
        if (m <= 0) {
            System.arraycopy(crop, offset, out, outOffset, CropNormalizer.PIXELS);
            return;
        }
        double cx = sx / m;
        double cy = sy / m;
        double mu11 = 0;
        double mu02 = 0;
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                double v = crop[offset + y * N + x];
                mu11 += v * (x - cx) * (y - cy);
                mu02 += v * (y - cy) * (y - cy);
            }
        }
        double a = mu02 <= 0 ? 0 : Math.max(-1, Math.min(1, mu11 / mu02));
        for (int y = 0; y < N; y++) {
            double shift = a * (y - cy);
            for (int x = 0; x < N; x++) {
                double src = x + shift;
                int x0 = (int) Math.floor(src);
                double f = src - x0;
                double v0 = x0 >= 0 && x0 < N ? crop[offset + y * N + x0] : 0;
                double v1 = x0 + 1 >= 0 && x0 + 1 < N ? crop[offset + y * N + x0 + 1] : 0;
                out[outOffset + y * N + x] = (float) (v0 * (1 - f) + v1 * f);
            }
        }
    }

    /** Deslants, then blurs with a 3x3 binomial kernel: the k-NN's view of a crop. */
    public static void deslantBlur(float[] crop, int offset, float[] out, int outOffset) {
        float[] d = new float[CropNormalizer.PIXELS];
        deslant(crop, offset, d, 0);
        blur(d, 0, out, outOffset);
    }

    /** 3x3 binomial blur (weights 1-2-1 in each direction), normalized at the border. */
    public static void blur(float[] d, int offset, float[] out, int outOffset) {
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                double s = 0;
                double w = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < N && xx >= 0 && xx < N) {
                            double k = (dx == 0 ? 2 : 1) * (dy == 0 ? 2 : 1);
                            s += k * d[offset + yy * N + xx];
                        }
                        w += (dx == 0 ? 2 : 1) * (dy == 0 ? 2 : 1);
                    }
                }
                out[outOffset + y * N + x] = (float) (s / w);
            }
        }
    }

    /** The SVM's feature vector ({@link #SVM_LENGTH} values) of one crop. */
    public static void svmFeatures(float[] crop, int offset, float[] out, int outOffset) {
        float[] d = new float[CropNormalizer.PIXELS];
        deslant(crop, offset, d, 0);
        hog(d, out, outOffset);
        int o = outOffset + HOG_LENGTH;
        for (int y = 0; y < 14; y++) {
            for (int x = 0; x < 14; x++) {
                int p = 2 * y * N + 2 * x;
                out[o++] = (d[p] + d[p + 1] + d[p + N] + d[p + N + 1]) / 4f;
            }
        }
    }

    /** Histograms of oriented gradients of a 28x28 image ({@link #HOG_LENGTH} values). */
    public static void hog(float[] img, float[] out, int outOffset) {
        int cell = 7;
        int cells = N / cell;
        double[] hist = new double[cells * cells * BINS];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                double gx = at(img, x + 1, y) - at(img, x - 1, y);
                double gy = at(img, x, y + 1) - at(img, x, y - 1);
                double mag = Math.sqrt(gx * gx + gy * gy);
                if (mag == 0) {
                    continue;
                }
                double angle = Math.atan2(gy, gx);
                if (angle < 0) {
                    angle += Math.PI;
                }
                double pos = angle / Math.PI * BINS - 0.5;
                int b0 = (int) Math.floor(pos);
                double f = pos - b0;
                int c = (y / cell) * cells + x / cell;
                hist[c * BINS + Math.floorMod(b0, BINS)] += mag * (1 - f);
                hist[c * BINS + Math.floorMod(b0 + 1, BINS)] += mag * f;
            }
        }
        int o = outOffset;
        double[] block = new double[4 * BINS];
        for (int by = 0; by < cells - 1; by++) {
            for (int bx = 0; bx < cells - 1; bx++) {
                int i = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int c = (by + dy) * cells + bx + dx;
                        for (int b = 0; b < BINS; b++) {
                            block[i++] = hist[c * BINS + b];
                        }
                    }
                }
                normalizeL2Hys(block);
                for (double v : block) {
                    out[o++] = (float) v;
                }
            }
        }
    }

    private static void normalizeL2Hys(double[] v) {
        for (int pass = 0; pass < 2; pass++) {
            double s = 1e-6;
            for (double x : v) {
                s += x * x;
            }
            double n = Math.sqrt(s);
            for (int i = 0; i < v.length; i++) {
                v[i] = pass == 0 ? Math.min(0.2, v[i] / n) : v[i] / n;
            }
        }
    }

    private static double at(float[] img, int x, int y) {
        return x < 0 || y < 0 || x >= N || y >= N ? 0 : img[y * N + x];
    }
}
