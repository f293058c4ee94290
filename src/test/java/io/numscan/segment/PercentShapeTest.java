package io.numscan.segment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.geom.Box;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PercentShapeTest {
    /** One glyph of label 1: whatever {@code draw} strokes in black on a white box of the size given. */
    private static boolean hasDiagonalRings(int width, int height, Consumer<Graphics2D> draw) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        draw.accept(g);
        g.dispose();
        int[] labels = new int[width * height];
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if ((image.getRaster().getSample(x, y, 0)) < 128) {
                    labels[y * width + x] = 1;
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        Glyph glyph = new Glyph(new Box(minX, minY, maxX - minX + 1, maxY - minY + 1), new int[] {1}, 0);
        return PercentShape.hasDiagonalRings(new LabelImage(width, height, labels), glyph);
    }

    @Test
    void aPercentSignWithItsBarTouchingBothRingsHasThem() {
        assertTrue(hasDiagonalRings(40, 44, g -> {
            g.setStroke(new BasicStroke(2.5f));
            g.draw(new Ellipse2D.Double(5, 5, 10, 12));
            g.draw(new Ellipse2D.Double(21, 25, 10, 12));
            g.draw(new Line2D.Double(8, 38, 30, 5));
        }));
    }

    @Test
    void anEightsHolesStandOneOverTheOther() {
        assertFalse(hasDiagonalRings(40, 44, g -> {
            g.setStroke(new BasicStroke(2.5f));
            g.draw(new Ellipse2D.Double(11, 4, 16, 16));
            g.draw(new Ellipse2D.Double(9, 19, 20, 19));
        }));
    }

    @Test
    void anEightLeaningBackHasLoopsTooLargeForRings() {
        // A handwritten 8 that leans back puts its loops upper left and lower right, as a % does,
        // but each of its holes is far more of its box than a ring's.
        assertFalse(hasDiagonalRings(60, 80, g -> {
            g.setStroke(new BasicStroke(4f));
            g.draw(new Ellipse2D.Double(6, 4, 24, 32));
            g.draw(new Ellipse2D.Double(24, 34, 26, 34));
        }));
    }

    @Test
    void oneRingIsNoPercentSign() {
        // A 9: one hole, high.
        assertFalse(hasDiagonalRings(30, 44, g -> {
            g.setStroke(new BasicStroke(2.5f));
            g.draw(new Ellipse2D.Double(6, 4, 16, 16));
            g.draw(new Line2D.Double(22, 12, 18, 40));
        }));
    }
}
