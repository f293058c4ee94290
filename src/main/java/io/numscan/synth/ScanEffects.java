package io.numscan.synth;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import java.util.Random;

/**
 * Makes a clean grey page look like a scan: a small rotation about the page centre (white fill),
 * dark specks on the paper, a slight blur (repeated {@code blurPasses} times), uneven lighting, Gaussian noise and a white point gain
 * (values clip at 255), in that order. Everything random
 * comes from one {@link Random} with a fixed seed, and the arithmetic is done here (no Java2D
 * resampling), so the result is the same on every machine.
 */
public final class ScanEffects {

    /** Parameters of the effect. */
    public record Settings(double angleDegrees, double noiseSigma, int specks, double lightingDrop,
            double whiteGain, int blurPasses, long seed) {
    }

    /**
     * 1.5 degrees, noise sigma 10 grey levels, 40 specks, lighting 8 % darker at the far corner, and a
     * white point that lets most of the bright paper saturate at 255 as a scanner's calibration does
     * (which also keeps the PNG small: noise on clipped paper costs nothing).
     */
    public static final Settings DEFAULT = new Settings(1.5, 10.0, 40, 0.08, 1.05, 1, 20250311L);

    private final Settings settings;

    public ScanEffects(Settings settings) {
        this.settings = settings;
    }

    /** The rotation applied to the page, mapping page pixels to scan pixels. */
    public static AffineTransform rotation(Settings s, int width, int height) {
        return AffineTransform.getRotateInstance(Math.toRadians(s.angleDegrees()), width / 2.0, height / 2.0);
    }

    public AffineTransform rotation(int width, int height) {
        return rotation(settings, width, height);
    }

    /**
     * Applies the effects to a TYPE_BYTE_GRAY page image. {@code keepClear} are boxes (in scan
     * coordinates) where no speck may fall.
     */
    public BufferedImage apply(BufferedImage page, List<PixelBox> keepClear) {
        int w = page.getWidth();
        int h = page.getHeight();
        float[] src = toFloats(page);
        Random rnd = new Random(settings.seed());

        float[] img = rotate(src, w, h, rotation(w, h));
        addSpecks(img, w, h, rnd, keepClear);
        for (int i = 0; i < settings.blurPasses(); i++) {
            img = blur(img, w, h);
        }
        light(img, w, h);
        noise(img, rnd);
        float gain = (float) settings.whiteGain();
        for (int i = 0; i < img.length; i++) {
            img[i] *= gain;
        }
        return toImage(img, w, h);
    }

    static float[] toFloats(BufferedImage page) {
        int w = page.getWidth();
        int h = page.getHeight();
        BufferedImage grey = page;
        if (page.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            grey.getGraphics().drawImage(page, 0, 0, null);
        }
        byte[] b = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        float[] f = new float[w * h];
        for (int i = 0; i < f.length; i++) {
            f[i] = b[i] & 0xff;
        }
        return f;
    }

    static BufferedImage toImage(float[] img, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] b = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < img.length; i++) {
            b[i] = (byte) Math.max(0, Math.min(255, Math.round(img[i])));
        }
        return out;
    }

    /** Rotates by inverse mapping with bilinear interpolation; outside the page is white. */
    static float[] rotate(float[] src, int w, int h, AffineTransform t) {
        AffineTransform inv;
        try {
            inv = t.createInverse();
        } catch (java.awt.geom.NoninvertibleTransformException e) {
            throw new IllegalArgumentException(e);
        }
        double[] m = new double[6];
        inv.getMatrix(m); // x' = m0 x + m2 y + m4 ; y' = m1 x + m3 y + m5
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sx = m[0] * x + m[2] * y + m[4];
                double sy = m[1] * x + m[3] * y + m[5];
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double fx = sx - x0;
                double fy = sy - y0;
                double v00 = at(src, w, h, x0, y0);
                double v10 = at(src, w, h, x0 + 1, y0);
                double v01 = at(src, w, h, x0, y0 + 1);
                double v11 = at(src, w, h, x0 + 1, y0 + 1);
                out[y * w + x] = (float) ((v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy);
            }
        }
        return out;
    }

    private static float at(float[] src, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 255f : src[y * w + x];
    }

    /** Small dark specks on blank paper: at least 25 px from any ink and outside the keep-clear boxes. */
    void addSpecks(float[] img, int w, int h, Random rnd, List<PixelBox> keepClear) {
        int placed = 0;
        int margin = 25;
        for (int tries = 0; placed < settings.specks() && tries < settings.specks() * 200; tries++) {
            int x = margin + rnd.nextInt(w - 2 * margin);
            int y = margin + rnd.nextInt(h - 2 * margin);
            boolean clear = true;
            for (PixelBox b : keepClear) {
                if (b.intersects(x, y, margin)) {
                    clear = false;
                    break;
                }
            }
            for (int dy = -margin; clear && dy <= margin; dy += 1) {
                for (int dx = -margin; dx <= margin; dx += 1) {
                    if (img[(y + dy) * w + x + dx] < 230f) {
                        clear = false;
                        break;
                    }
                }
            }
            if (!clear) {
                continue;
            }
            int size = 1 + rnd.nextInt(2);
            float grey = 30 + rnd.nextInt(60);
            for (int dy = 0; dy < size; dy++) {
                for (int dx = 0; dx < size; dx++) {
                    img[(y + dy) * w + x + dx] = grey;
                }
            }
            placed++;
        }
    }

    /** Separable [1 2 1]/4 blur (edges repeat). */
    static float[] blur(float[] img, int w, int h) {
        float[] tmp = new float[img.length];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                float l = img[row + Math.max(0, x - 1)];
                float r = img[row + Math.min(w - 1, x + 1)];
                tmp[row + x] = (l + 2 * img[row + x] + r) / 4f;
            }
        }
        float[] out = new float[img.length];
        for (int y = 0; y < h; y++) {
            int up = Math.max(0, y - 1) * w;
            int down = Math.min(h - 1, y + 1) * w;
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (tmp[up + x] + 2 * tmp[y * w + x] + tmp[down + x]) / 4f;
            }
        }
        return out;
    }

    /** A gentle brightness gradient: full brightness at the top-left, {@code lightingDrop} darker at the bottom-right. */
    void light(float[] img, int w, int h) {
        double drop = settings.lightingDrop();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double g = 0.6 * x / (w - 1) + 0.4 * y / (h - 1);
                img[y * w + x] *= (float) (1 - drop * g * g);
            }
        }
    }

    void noise(float[] img, Random rnd) {
        float sigma = (float) settings.noiseSigma();
        for (int i = 0; i < img.length; i++) {
            img[i] += sigma * (float) rnd.nextGaussian();
        }
    }
}
