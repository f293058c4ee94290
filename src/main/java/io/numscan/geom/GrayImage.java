package io.numscan.geom;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.MultiPixelPackedSampleModel;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An 8-bit single-channel image that nobody can change once made: stages pass it along without
 * defensive copies because no accessor hands out the backing array.
 */
public final class GrayImage {
    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int width;
    private final int height;
    private final byte[] pixels;

    private GrayImage(int width, int height, byte[] pixels) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image must not be empty: " + width + "x" + height);
        }
        if ((long) width * height != pixels.length) {
            throw new IllegalArgumentException("pixel count " + pixels.length + " does not match " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** Takes ownership of {@code pixels}: the caller must not touch the array afterwards. */
    public static GrayImage wrap(int width, int height, byte[] pixels) {
        return new GrayImage(width, height, pixels);
    }

    public static GrayImage copyOf(int width, int height, byte[] pixels) {
        return new GrayImage(width, height, pixels.clone());
    }

    /** Converts any image to luminance (ITU-R BT.601 weights, as Java2D's own grey conversion). */
    public static GrayImage fromBufferedImage(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h];
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
                && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0
                && buffer.getData().length == out.length) {
            System.arraycopy(buffer.getData(), 0, out, 0, out.length);
            return new GrayImage(w, h, out);
        }
        int[] row = new int[w];
        if (isSingleBandWithoutAlpha(image)) {
            // Grey TIFFs and bilevel faxes: one band of at most 8 bits, so every possible sample's
            // grey is looked up once through the colour model (the same value getRGB gives, gamma
            // and palette included) instead of converting pixel by pixel.
            byte[] grey = greyOfEverySample(image);
            var raster = image.getRaster();
            if (raster.getSampleModel() instanceof MultiPixelPackedSampleModel packed
                    && raster.getDataBuffer() instanceof DataBufferByte bytes
                    && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0) {
                unpack(packed, bytes, grey, w, h, out);
                return new GrayImage(w, h, out);
            }
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = grey[row[x]];
                }
            }
            return new GrayImage(w, h, out);
        }
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int a = argb >>> 24;
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                int lum = (r * 299 + g * 587 + b * 114 + 500) / 1000;
                // Transparent areas are paper, not ink.
                lum = (lum * a + 255 * (255 - a) + 127) / 255;
                out[y * w + x] = (byte) lum;
            }
        }
        return new GrayImage(w, h, out);
    }

    /**
     * Bilevel (fax) and 2- or 4-bit pages, with the samples read straight from the packed rows:
     * the sample model's own accessors take a call per pixel.
     */
    private static void unpack(MultiPixelPackedSampleModel packed, DataBufferByte bytes, byte[] grey, int w, int h, byte[] out) {
        byte[] data = bytes.getData();
        int bits = packed.getPixelBitStride();
        int stride = packed.getScanlineStride();
        int firstBit = packed.getDataBitOffset();
        int mask = (1 << bits) - 1;
        int base = bytes.getOffset();
        if (bits == 1 && firstBit == 0) {
            unpackBilevel(data, base, stride, grey, w, h, out);
            return;
        }
        for (int y = 0; y < h; y++) {
            int row = base + y * stride;
            for (int x = 0; x < w; x++) {
                int bit = firstBit + x * bits;
                int sample = (data[row + (bit >> 3)] >> (8 - bits - (bit & 7))) & mask;
                out[y * w + x] = grey[sample];
            }
        }
    }

    /** Bilevel rows, eight pixels per byte at a time: the eight greys of every byte value looked up once. */
    private static void unpackBilevel(byte[] data, int base, int stride, byte[] grey, int w, int h, byte[] out) {
        long[] eightPixels = new long[256];
        for (int v = 0; v < 256; v++) {
            long pixels = 0;
            for (int k = 0; k < 8; k++) {
                int bit = (v >> (7 - k)) & 1;
                pixels |= (grey[bit] & 0xffL) << (8 * k);
            }
            eightPixels[v] = pixels;
        }
        int wholeBytes = w / 8;
        for (int y = 0; y < h; y++) {
            int row = base + y * stride;
            int o = y * w;
            for (int b = 0; b < wholeBytes; b++) {
                EIGHT_BYTES.set(out, o + b * 8, eightPixels[data[row + b] & 0xff]);
            }
            for (int x = wholeBytes * 8; x < w; x++) {
                out[o + x] = grey[(data[row + (x >> 3)] >> (7 - (x & 7))) & 1];
            }
        }
    }

    private static boolean isSingleBandWithoutAlpha(BufferedImage image) {
        return image.getRaster().getNumBands() == 1 && !image.getColorModel().hasAlpha()
                && image.getSampleModel().getSampleSize(0) <= 8;
    }

    private static byte[] greyOfEverySample(BufferedImage image) {
        java.awt.image.ColorModel model = image.getColorModel();
        byte[] grey = new byte[1 << image.getSampleModel().getSampleSize(0)];
        for (int v = 0; v < grey.length; v++) {
            int argb = model.getRGB(v);
            int r = (argb >> 16) & 0xff;
            int g = (argb >> 8) & 0xff;
            int b = argb & 0xff;
            grey[v] = (byte) ((r * 299 + g * 587 + b * 114 + 500) / 1000);
        }
        return grey;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Grey value 0 (black) to 255 (white). */
    public int get(int x, int y) {
        return pixels[y * width + x] & 0xff;
    }

    public byte[] copyPixels() {
        return pixels.clone();
    }

    public void copyPixelsTo(byte[] target) {
        System.arraycopy(pixels, 0, target, 0, pixels.length);
    }

    /** Writes the pixels, row by row, at the buffer's position (native memory, say, without a copy on the heap first). */
    public void copyPixelsTo(java.nio.ByteBuffer target) {
        target.put(pixels);
    }

    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, data, 0, pixels.length);
        return image;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GrayImage other && other.width == width && other.height == height
                && Arrays.equals(other.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "GrayImage[" + width + "x" + height + "]";
    }
}
