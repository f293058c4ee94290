package io.numscan.train;

import io.numscan.classify.InkSource;
import io.numscan.geom.Box;

/** A binary glyph image made for training, read through the same {@link InkSource} as page glyphs. */
public record Mask(int width, int height, boolean[] ink) implements InkSource {
    @Override
    public boolean isInk(int x, int y) {
        return ink[y * width + x];
    }

    public Box frame() {
        return new Box(0, 0, width, height);
    }

    public boolean isEmpty() {
        for (boolean b : ink) {
            if (b) {
                return false;
            }
        }
        return true;
    }

    /** Pixels whose ink level (0 paper .. 1 full ink) reaches {@code level}. */
    public static Mask threshold(float[] inkLevel, int width, int height, float level) {
        boolean[] ink = new boolean[width * height];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = inkLevel[i] >= level;
        }
        return new Mask(width, height, ink);
    }

    /** One pixel thicker (dilate) or thinner (erode) strokes, 4-neighbourhood. */
    public Mask morph(boolean dilate) {
        boolean[] out = new boolean[ink.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean v = ink[y * width + x];
                boolean l = x > 0 && ink[y * width + x - 1];
                boolean r = x < width - 1 && ink[y * width + x + 1];
                boolean u = y > 0 && ink[(y - 1) * width + x];
                boolean d = y < height - 1 && ink[(y + 1) * width + x];
                out[y * width + x] = dilate ? (v || l || r || u || d) : (v && l && r && u && d);
            }
        }
        return new Mask(width, height, out);
    }
}
