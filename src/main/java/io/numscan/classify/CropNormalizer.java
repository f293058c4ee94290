package io.numscan.classify;

import io.numscan.geom.Box;

/**
 * MNIST-style crop: the ink's bounding box scaled (aspect kept) so its longer side is 20 pixels,
 * grey levels from the fraction of each pixel covered by ink, placed in a 28x28 frame with its
 * centre of mass in the middle. Training and scanning both go through here, so the classifier
 * sees digits the same way in both.
 *
 * <p>Holds scratch buffers: one instance per thread.
 */
public final class CropNormalizer {
    public static final int SIZE = 28;
    public static final int PIXELS = SIZE * SIZE;
    private static final int BOX = 20;
    private static final int MAX_SAMPLES = 6;

    private final float[] scratch = new float[BOX * BOX];
    /** Where each sample of a target column / row falls, relative to the region. */
    private final int[] sampleColumns = new int[BOX * MAX_SAMPLES];
    private final int[] sampleRows = new int[BOX * MAX_SAMPLES];
    /**
     * The region's ink, read once: the source is asked once per pixel of the region, and the up
     * to 36 samples per target pixel then read this array instead of asking again.
     */
    private boolean[] ink = new boolean[64 * 64];

    /**
     * Writes the normalized crop of the ink inside {@code region} to {@code out[offset..offset+784)}.
     *
     * @return false when the region holds no ink (the crop is then all zero)
     */
    public boolean normalize(InkSource source, Box region, float[] out, int offset) {
        java.util.Arrays.fill(out, offset, offset + PIXELS, 0f);
        int rx = region.x();
        int ry = region.y();
        int rw = region.width();
        int rh = region.height();
        if (rw <= 0 || rh <= 0) {
            return false;
        }
        int area = Math.multiplyExact(rw, rh);
        if (ink.length < area) {
            ink = new boolean[Math.max(area, Math.min(Integer.MAX_VALUE / 2, ink.length) * 2)];
        }
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y1 = Integer.MIN_VALUE;
        for (int y = 0; y < rh; y++) {
            int row = y * rw;
            for (int x = 0; x < rw; x++) {
                boolean isInk = source.isInk(rx + x, ry + y);
                ink[row + x] = isInk;
                if (isInk) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x0 == Integer.MAX_VALUE) {
            return false;
        }
        int bw = x1 - x0 + 1;
        int bh = y1 - y0 + 1;
        double scale = BOX / (double) Math.max(bw, bh);
        int tw = Math.max(1, Math.min(BOX, (int) Math.round(bw * scale)));
        int th = Math.max(1, Math.min(BOX, (int) Math.round(bh * scale)));
        double stepX = bw / (double) tw;
        double stepY = bh / (double) th;
        int samples = Math.max(2, Math.min(MAX_SAMPLES, (int) Math.ceil(Math.max(stepX, stepY))));
        double inv = 1.0 / (samples * samples);
        for (int t = 0; t < tw; t++) {
            for (int s = 0; s < samples; s++) {
                sampleColumns[t * samples + s] = Math.min(x1, x0 + (int) ((t + (s + 0.5) / samples) * stepX));
            }
        }
        for (int t = 0; t < th; t++) {
            for (int s = 0; s < samples; s++) {
                sampleRows[t * samples + s] = Math.min(y1, y0 + (int) ((t + (s + 0.5) / samples) * stepY)) * rw;
            }
        }
        double sumX = 0;
        double sumY = 0;
        double mass = 0;
        for (int ty = 0; ty < th; ty++) {
            for (int tx = 0; tx < tw; tx++) {
                int hits = 0;
                for (int sy = 0; sy < samples; sy++) {
                    int row = sampleRows[ty * samples + sy];
                    for (int sx = 0; sx < samples; sx++) {
                        if (ink[row + sampleColumns[tx * samples + sx]]) {
                            hits++;
                        }
                    }
                }
                float v = (float) (hits * inv);
                scratch[ty * BOX + tx] = v;
                sumX += v * (tx + 0.5);
                sumY += v * (ty + 0.5);
                mass += v;
            }
        }
        int ox = (SIZE - tw) / 2;
        int oy = (SIZE - th) / 2;
        if (mass > 0) {
            ox = (int) Math.round(SIZE / 2.0 - sumX / mass);
            oy = (int) Math.round(SIZE / 2.0 - sumY / mass);
            ox = Math.max(0, Math.min(SIZE - tw, ox));
            oy = Math.max(0, Math.min(SIZE - th, oy));
        }
        for (int ty = 0; ty < th; ty++) {
            int row = offset + (oy + ty) * SIZE + ox;
            for (int tx = 0; tx < tw; tx++) {
                out[row + tx] = scratch[ty * BOX + tx];
            }
        }
        return true;
    }
}
