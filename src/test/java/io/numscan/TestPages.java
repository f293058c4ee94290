package io.numscan;

import io.numscan.geom.GrayImage;
import io.numscan.ingest.PageImage;
import io.numscan.preprocess.PreprocessOptions;
import io.numscan.preprocess.Preprocessor;
import io.numscan.segment.SegmentedPage;
import io.numscan.segment.Segmenter;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/** Small synthetic pages drawn with Java2D for stage tests. */
public final class TestPages {
    private TestPages() {
    }

    public static BufferedImage draw(int width, int height, Consumer<Graphics2D> painter) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(3));
        painter.accept(g);
        g.dispose();
        return image;
    }

    public static PageImage page(BufferedImage image) {
        return new PageImage("test.png", 1, 300, GrayImage.fromBufferedImage(image));
    }

    /** The page's glyphs as the segmenter finds them after thresholding alone (no deskew, no ruled-line removal). */
    public static SegmentedPage segmented(BufferedImage image) {
        return new Segmenter().segment(new Preprocessor(new PreprocessOptions(false, 0, false)).prepare(page(image)));
    }

    /** {@code image} turned {@code quarterTurns} times clockwise, as OpenCV's {@code rotate} turns it. */
    public static BufferedImage turned(BufferedImage image, int quarterTurns) {
        BufferedImage out = image;
        for (int q = 0; q < quarterTurns; q++) {
            int w = out.getWidth();
            int h = out.getHeight();
            BufferedImage next = new BufferedImage(h, w, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    next.getRaster().setSample(h - 1 - y, x, 0, out.getRaster().getSample(x, y, 0));
                }
            }
            out = next;
        }
        return out;
    }

    /** A logical font every JDK has; the JDK maps it to an installed face. */
    public static Font sans(int pixels) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, pixels);
    }
}
