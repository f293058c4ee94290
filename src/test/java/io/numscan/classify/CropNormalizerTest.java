package io.numscan.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.geom.Box;
import org.junit.jupiter.api.Test;

class CropNormalizerTest {
    private final CropNormalizer normalizer = new CropNormalizer();

    @Test
    void scalesTheLongerSideToTwentyAndCentresByMass() {
        // A 10x40 bar anywhere in a big region becomes a 5x20 bar in the middle of 28x28.
        InkSource bar = (x, y) -> x >= 300 && x < 310 && y >= 100 && y < 140;
        float[] out = new float[CropNormalizer.PIXELS + 5];
        assertTrue(normalizer.normalize(bar, new Box(250, 50, 200, 200), out, 5));
        int minX = 99;
        int maxX = -1;
        int minY = 99;
        int maxY = -1;
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                float v = out[5 + y * 28 + x];
                if (v > 0.5f) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
                mass += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
            }
        }
        assertEquals(20, maxY - minY + 1);
        assertEquals(5, maxX - minX + 1);
        assertEquals(14.0, mx / mass, 0.6);
        assertEquals(14.0, my / mass, 0.6);
    }

    @Test
    void upscalesSmallGlyphsAndReportsEmptyRegions() {
        InkSource dot = (x, y) -> x >= 10 && x < 14 && y >= 10 && y < 14;
        float[] out = new float[CropNormalizer.PIXELS];
        assertTrue(normalizer.normalize(dot, new Box(0, 0, 30, 30), out, 0));
        int full = 0;
        for (float v : out) {
            full += v > 0.99f ? 1 : 0;
        }
        assertEquals(400, full, "a 4x4 square fills the 20x20 box");
        assertFalse(normalizer.normalize((x, y) -> false, new Box(0, 0, 30, 30), out, 0));
    }

    @Test
    void aReusedNormalizerGivesWhatAFreshOneGives() {
        // The normalizer keeps the last region's ink between calls; a larger region read before
        // must leave nothing behind in a smaller one, nor a wider one in a narrower.
        java.util.Random random = new java.util.Random(7);
        InkSource speckled = (x, y) -> ((x * 31 + y * 17) % 7) < 3;
        for (int i = 0; i < 200; i++) {
            Box region = new Box(random.nextInt(50), random.nextInt(50), 1 + random.nextInt(150), 1 + random.nextInt(150));
            int cx = region.x() + random.nextInt(region.width());
            int cy = region.y() + random.nextInt(region.height());
            int r = 1 + random.nextInt(30);
            InkSource ring = (x, y) -> {
                int d = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                return d <= r * r && d >= (r / 2) * (r / 2);
            };
            float[] reused = new float[CropNormalizer.PIXELS];
            float[] fresh = new float[CropNormalizer.PIXELS];
            normalizer.normalize(speckled, new Box(0, 0, 200, 200), reused, 0);
            boolean inkReused = normalizer.normalize(ring, region, reused, 0);
            boolean inkFresh = new CropNormalizer().normalize(ring, region, fresh, 0);
            assertEquals(inkFresh, inkReused);
            org.junit.jupiter.api.Assertions.assertArrayEquals(fresh, reused, "region " + region);
        }
    }
}
