package io.numscan.train;

import io.numscan.train.data.DigitSet;
import java.util.Random;

/**
 * Turns a 28x28 MNIST digit into the binary glyph a scanned form would give: drawn at a chosen
 * height, optionally distorted (affine and elastic, as Simard et al. 2003), then thresholded.
 */
public final class MnistAugmenter {
    private static final int SRC = 28;
    /** Height used for the undistorted view that validation and test see. */
    public static final int CANONICAL_HEIGHT = 56;

    public Mask canonical(DigitSet set, int index) {
        return draw(set, index, CANONICAL_HEIGHT, identity(), null, 0.5f);
    }

    public Mask augmented(DigitSet set, int index, Random random) {
        int height = 20 + random.nextInt(61);
        double angle = Math.toRadians(random.nextGaussian() * 6.0);
        double scaleX = 1.0 + random.nextGaussian() * 0.07;
        double scaleY = 1.0 + random.nextGaussian() * 0.07;
        double shear = random.nextGaussian() * 0.15;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        // Inverse map from output (centred, unit = source pixel) to source: rotation, shear, scale.
        double[] m = {cos / scaleX, (sin + shear * cos) / scaleX, -sin / scaleY, (cos - shear * sin) / scaleY};
        float[][] field = random.nextDouble() < 0.5 ? elasticField(random, 2.0 + random.nextDouble() * 2.0, 4.0) : null;
        float threshold = 0.35f + random.nextFloat() * 0.3f;
        Mask mask = draw(set, index, height, m, field, threshold);
        if (height >= 40) {
            double r = random.nextDouble();
            if (r < 0.15) {
                mask = mask.morph(true);
            }
        }
        return mask;
    }

    private static double[] identity() {
        return new double[] {1, 0, 0, 1};
    }

    private static Mask draw(DigitSet set, int index, int height, double[] m, float[][] field, float threshold) {
        double scale = height / 20.0;
        int size = (int) Math.ceil(SRC * scale);
        float[] level = new float[size * size];
        byte[] src = set.image(index);
        double c = size / 2.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double ox = (x + 0.5 - c) / scale;
                double oy = (y + 0.5 - c) / scale;
                double sx = m[0] * ox + m[1] * oy + SRC / 2.0;
                double sy = m[2] * ox + m[3] * oy + SRC / 2.0;
                if (field != null) {
                    int fx = Math.max(0, Math.min(SRC - 1, (int) sx));
                    int fy = Math.max(0, Math.min(SRC - 1, (int) sy));
                    sx += field[0][fy * SRC + fx];
                    sy += field[1][fy * SRC + fx];
                }
                level[y * size + x] = bilinear(src, sx - 0.5, sy - 0.5);
            }
        }
        return Mask.threshold(level, size, size, threshold);
    }

    private static float bilinear(byte[] src, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double v = (1 - fx) * (1 - fy) * at(src, x0, y0) + fx * (1 - fy) * at(src, x0 + 1, y0)
                + (1 - fx) * fy * at(src, x0, y0 + 1) + fx * fy * at(src, x0 + 1, y0 + 1);
        return (float) (v / 255.0);
    }

    private static int at(byte[] src, int x, int y) {
        if (x < 0 || y < 0 || x >= SRC || y >= SRC) {
            return 0;
        }
        return src[y * SRC + x] & 0xff;
    }

    /** Random displacement smoothed by a Gaussian, scaled to {@code alpha} source pixels at most. */
    private static float[][] elasticField(Random random, double alpha, double sigma) {
        float[][] field = new float[2][SRC * SRC];
        int radius = (int) Math.ceil(2 * sigma);
        double[] kernel = new double[2 * radius + 1];
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
        }
        for (int d = 0; d < 2; d++) {
            double[] raw = new double[SRC * SRC];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = random.nextDouble() * 2 - 1;
            }
            double[] tmp = new double[raw.length];
            double max = 1e-9;
            for (int pass = 0; pass < 2; pass++) {
                for (int y = 0; y < SRC; y++) {
                    for (int x = 0; x < SRC; x++) {
                        double sum = 0;
                        double wsum = 0;
                        for (int k = -radius; k <= radius; k++) {
                            int xx = pass == 0 ? x + k : x;
                            int yy = pass == 0 ? y : y + k;
                            if (xx < 0 || yy < 0 || xx >= SRC || yy >= SRC) {
                                continue;
                            }
                            sum += kernel[k + radius] * (pass == 0 ? raw[yy * SRC + xx] : tmp[yy * SRC + xx]);
                            wsum += kernel[k + radius];
                        }
                        if (pass == 0) {
                            tmp[y * SRC + x] = sum / wsum;
                        } else {
                            raw[y * SRC + x] = sum / wsum;
                        }
                    }
                }
            }
            for (double v : raw) {
                max = Math.max(max, Math.abs(v));
            }
            for (int i = 0; i < raw.length; i++) {
                field[d][i] = (float) (raw[i] / max * alpha);
            }
        }
        return field;
    }
}
