package io.numscan.train;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

/**
 * Draws one character in a font the way a page would show it after rendering or scanning:
 * anti-aliased, sometimes tilted or sheared, blurred, noisy, then binarized.
 */
public final class GlyphRenderer {
    private static final int MARGIN = 3;

    /**
     * @param height target height of a digit in pixels (other characters scale with the font)
     * @param augment false for a clean, upright rendering
     */
    public Mask render(Font font, String text, int height, boolean augment, Random random) {
        float size = (float) (height / 0.72);
        int canvas = (int) Math.ceil(size * 2.2) + 8;
        BufferedImage image = new BufferedImage(canvas, canvas, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, canvas, canvas);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            AffineTransform t = new AffineTransform();
            t.translate(canvas / 2.0, canvas / 2.0);
            if (augment) {
                t.rotate(Math.toRadians(random.nextGaussian() * 2.0));
                t.shear(random.nextDouble() < 0.25 ? -0.2 * random.nextDouble() : 0, 0);
                t.scale(1.0 + random.nextGaussian() * 0.05, 1.0);
            }
            t.translate(-canvas / 2.0, -canvas / 2.0);
            g.setTransform(t);
            g.setFont(font.deriveFont(size));
            g.setColor(Color.BLACK);
            int textWidth = g.getFontMetrics().stringWidth(text);
            g.drawString(text, (canvas - textWidth) / 2f, canvas * 0.62f);
        } finally {
            g.dispose();
        }
        byte[] px = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        // Work on the drawn area only: blur and noise over the whole canvas would cost ten times more.
        int x0 = canvas;
        int y0 = canvas;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < canvas; y++) {
            for (int x = 0; x < canvas; x++) {
                if ((px[y * canvas + x] & 0xff) < 250) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) {
            return new Mask(1, 1, new boolean[1]);
        }
        x0 = Math.max(0, x0 - MARGIN);
        y0 = Math.max(0, y0 - MARGIN);
        x1 = Math.min(canvas - 1, x1 + MARGIN);
        y1 = Math.min(canvas - 1, y1 + MARGIN);
        int w = x1 - x0 + 1;
        int h = y1 - y0 + 1;
        float[] inkLevel = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                inkLevel[y * w + x] = 1f - (px[(y + y0) * canvas + x + x0] & 0xff) / 255f;
            }
        }
        float level = 0.5f;
        if (augment) {
            if (random.nextDouble() < 0.5) {
                inkLevel = boxBlur(inkLevel, w, h);
            }
            float noise = (float) (random.nextDouble() * 0.12);
            if (noise > 0.01) {
                for (int i = 0; i < inkLevel.length; i++) {
                    inkLevel[i] += (float) (random.nextGaussian() * noise);
                }
            }
            level = 0.35f + random.nextFloat() * 0.3f;
        }
        Mask mask = Mask.threshold(inkLevel, w, h, level);
        if (augment && height >= 18) {
            double r = random.nextDouble();
            if (r < 0.15) {
                mask = mask.morph(true);
            } else if (r < 0.25 && height >= 28) {
                Mask thinner = mask.morph(false);
                if (!thinner.isEmpty()) {
                    mask = thinner;
                }
            }
        }
        return mask;
    }

    static float[] boxBlur(float[] v, int w, int h) {
        float[] out = new float[v.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx < 0 || xx >= w) {
                            continue;
                        }
                        sum += v[yy * w + xx];
                        n++;
                    }
                }
                out[y * w + x] = sum / n;
            }
        }
        return out;
    }
}
