package io.numscan.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GrayImageTest {
    private static int luminance(int argb) {
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        return (r * 299 + g * 587 + b * 114 + 500) / 1000;
    }

    /** Every pixel's grey is the luminance of what getRGB says it is, however the samples are packed. */
    private static void assertSameAsGetRgb(BufferedImage image) {
        GrayImage grey = GrayImage.fromBufferedImage(image);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                assertEquals(luminance(image.getRGB(x, y)), grey.get(x, y), "pixel " + x + "," + y);
            }
        }
    }

    private static BufferedImage random(BufferedImage image, int levels) {
        Random random = new Random(11);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.getRaster().setSample(x, y, 0, random.nextInt(levels));
            }
        }
        return image;
    }

    @Test
    void bilevelPagesWithRowsThatEndMidByte() {
        // 37 pixels: rows end five bits into their fifth byte.
        assertSameAsGetRgb(random(new BufferedImage(37, 9, BufferedImage.TYPE_BYTE_BINARY), 2));
    }

    @Test
    void bilevelPagesWhereZeroIsWhite() {
        // A fax's palette: sample 0 is white, 1 black (PhotometricInterpretation WhiteIsZero).
        IndexColorModel whiteIsZero = new IndexColorModel(1, 2, new byte[] {-1, 0}, new byte[] {-1, 0}, new byte[] {-1, 0});
        assertSameAsGetRgb(random(new BufferedImage(29, 5, BufferedImage.TYPE_BYTE_BINARY, whiteIsZero), 2));
    }

    @Test
    void fourBitPalettes() {
        byte[] levels = new byte[16];
        for (int i = 0; i < 16; i++) {
            levels[i] = (byte) (255 - i * 17);
        }
        IndexColorModel palette = new IndexColorModel(4, 16, levels, levels, levels);
        assertSameAsGetRgb(random(new BufferedImage(23, 7, BufferedImage.TYPE_BYTE_BINARY, palette), 16));
    }

    @Test
    void eightBitGreyIsTakenAsStoredNotThroughTheLinearGreyColourSpace() {
        // getRGB would brighten it: Java's TYPE_BYTE_GRAY is linear grey, a scan's bytes are not.
        BufferedImage image = random(new BufferedImage(13, 6, BufferedImage.TYPE_BYTE_GRAY), 256);
        GrayImage grey = GrayImage.fromBufferedImage(image);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 13; x++) {
                assertEquals(image.getRaster().getSample(x, y, 0), grey.get(x, y));
            }
        }
    }

    @Test
    void colour() {
        BufferedImage colour = new BufferedImage(13, 6, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(5);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 13; x++) {
                colour.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        assertSameAsGetRgb(colour);
    }
}
