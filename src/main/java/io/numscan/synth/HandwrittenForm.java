package io.numscan.synth;

import io.numscan.train.data.DigitSet;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A 300-DPI grey A5-landscape delivery receipt with printed labels (words only) and fields filled
 * in with handwritten digits from the test split of the digit data. Each field is one number
 * token. Comb fields hold one digit per box; box fields hold digits written freely.
 */
public final class HandwrittenForm {

    /** A filled field: its digits as a string, the union of their ink boxes, the test indices drawn. */
    public record FilledField(String label, String value, PixelBox box, List<Integer> sourceDigits) {
    }

    /** A5 landscape at 300 DPI. */
    public static final int WIDTH = 2480;
    public static final int HEIGHT = 1748;

    private static final int LINE_GREY = 70;
    private static final float LINE_WIDTH = 3f;
    /** A pixel counts as ink for the expected box when the digit darkens it by at least this much. */
    private static final int INK_THRESHOLD = 64;

    private final DigitSet test;
    private final Random rnd;
    private final List<List<Integer>> byClass = new ArrayList<>();
    private final Set<Integer> used = new HashSet<>();
    private final List<FilledField> fields = new ArrayList<>();
    private byte[] pixels;
    private Graphics2D g;

    /** Draws a form's printed parts and its fields, through the public drawing methods of the form. */
    @FunctionalInterface
    public interface Layout {
        void draw(HandwrittenForm form) throws IOException;
    }

    private final Layout layout;

    /** {@code test} must be the test split ({@code DigitSplits.load(dataDir, "test")}). */
    public HandwrittenForm(DigitSet test, long seed) {
        this(test, seed, HandwrittenForm::drawForm);
    }

    /** A form of another layout, drawn with the same pen, digits and rules as this receipt. */
    public HandwrittenForm(DigitSet test, long seed, Layout layout) {
        this.layout = layout;
        this.test = test;
        this.rnd = new Random(seed);
        for (int d = 0; d < 10; d++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < test.size(); i++) {
            int label = test.label(i);
            if (label > 9) {
                throw new IllegalArgumentException("label " + label + " at test index " + i);
            }
            byClass.get(label).add(i);
        }
    }

    /** Draws the form; {@link #fields()} then holds the filled fields. */
    public BufferedImage render() throws IOException {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        pixels = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            layout.draw(this);
        } finally {
            g.dispose();
        }
        return img;
    }

    public List<FilledField> fields() {
        return List.copyOf(fields);
    }

    private void drawForm() throws IOException {
        Font sans = load(SampleFonts.SANS);
        Font bold = load(SampleFonts.SANS_BOLD);
        float pt = 300f / 72f; // pixels per point

        int left = 160;
        int fieldX = 820;
        g.setColor(new Color(20, 20, 20));
        g.setFont(bold.deriveFont(20 * pt));
        g.drawString("Parcel Delivery Receipt", left, 210);
        g.setFont(sans.deriveFont(10 * pt));
        g.drawString("Please write in black ink, one digit in each box.", left, 285);
        g.setColor(new Color(LINE_GREY, LINE_GREY, LINE_GREY));
        g.setStroke(new BasicStroke(LINE_WIDTH));
        g.drawLine(left, 320, WIDTH - left, 320);

        Font label = sans.deriveFont(12 * pt);
        Font small = sans.deriveFont(9 * pt);

        // Comb fields.
        labelAt(label, "Customer number", left, 455);
        comb("Customer number", fieldX, 375, 6, 110, randomDigits(6, false));
        labelAt(label, "Postcode", left, 635);
        comb("Postcode", fieldX, 555, 5, 110, randomDigits(5, false));

        // Free box fields.
        labelAt(label, "Amount", left, 815);
        box("Amount", fieldX, 730, 620, 130, randomDigits(5, true), 52, 72);
        labelAt(label, "Extension", 1580, 815);
        box("Extension", 1900, 755, 300, 80, randomDigits(3, true), 28, 36);

        // The larger field.
        labelAt(label, "Order reference", left, 1020);
        g.setFont(small);
        g.setColor(new Color(90, 90, 90));
        g.drawString("as printed on the parcel label", left, 1068);
        box("Order reference", fieldX, 925, 1100, 190, randomDigits(9, true), 70, 80);

        // Signature and a tick box: words only.
        labelAt(label, "Received by", left, 1290);
        g.setColor(new Color(LINE_GREY, LINE_GREY, LINE_GREY));
        g.drawLine(fieldX, 1300, fieldX + 900, 1300);
        labelAt(label, "Left with neighbour", left, 1440);
        g.drawRect(fieldX, 1395, 60, 60);
        g.setFont(small);
        g.setColor(new Color(90, 90, 90));
        g.drawString("Keep this receipt until the parcel has been checked.", left, 1620);
    }

    /** The random source of this form's choices, for a layout's own. */
    public Random random() {
        return rnd;
    }

    public Graphics2D graphics() {
        return g;
    }

    public void labelAt(Font font, String text, int x, int baseline) {
        g.setFont(font);
        g.setColor(new Color(20, 20, 20));
        g.drawString(text, x, baseline);
    }

    public static Font load(SampleFonts f) throws IOException {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, f.file());
        } catch (FontFormatException e) {
            throw new IOException("cannot load font " + f.file(), e);
        }
    }

    public int[] randomDigits(int n, boolean nonZeroFirst) {
        int[] d = new int[n];
        for (int i = 0; i < n; i++) {
            d[i] = (i == 0 && nonZeroFirst) ? 1 + rnd.nextInt(9) : rnd.nextInt(10);
        }
        return d;
    }

    /** A row of {@code n} adjacent square boxes sharing edges, one digit in each. */
    public void comb(String name, int x, int y, int n, int cell, int[] digits) {
        g.setColor(new Color(LINE_GREY, LINE_GREY, LINE_GREY));
        g.setStroke(new BasicStroke(LINE_WIDTH));
        g.drawRect(x, y, n * cell, cell);
        for (int i = 1; i < n; i++) {
            g.drawLine(x + i * cell, y, x + i * cell, y + cell);
        }
        Field f = new Field(name);
        int margin = 12; // ink keeps this far from the box lines
        for (int i = 0; i < n; i++) {
            int index = pick(digits[i]);
            int h = 56 + rnd.nextInt(19); // 56..74
            while (widthAt(index, h) > cell - 2 * margin) {
                h--;
            }
            int w = widthAt(index, h);
            int left = x + i * cell;
            int cx = left + cell / 2 + rnd.nextInt(13) - 6;
            cx = Math.max(left + margin + w / 2, Math.min(left + cell - margin - (w + 1) / 2, cx));
            int cy = y + cell / 2 + rnd.nextInt(11) - 5;
            cy = Math.max(y + margin + h / 2, Math.min(y + cell - margin - (h + 1) / 2, cy));
            f.digit(index, cx, cy, h);
        }
        f.done();
    }

    /** A plain rectangle with the digits written freely inside, heights in [minH, maxH]. */
    public void box(String name, int x, int y, int w, int h, int[] digits, int minH, int maxH) {
        g.setColor(new Color(LINE_GREY, LINE_GREY, LINE_GREY));
        g.setStroke(new BasicStroke(LINE_WIDTH));
        g.drawRect(x, y, w, h);
        Field f = new Field(name);
        int base = minH + rnd.nextInt(maxH - minH + 1);
        int cursor = x + 18 + rnd.nextInt(20);
        double slope = (rnd.nextDouble() - 0.5) * 0.04; // the writing drifts a little
        int midY = y + h / 2;
        for (int i = 0; i < digits.length; i++) {
            int dh = Math.max(minH, Math.min(maxH, base + rnd.nextInt(9) - 4));
            int index = pick(digits[i]);
            int width = widthAt(index, dh);
            int cx = cursor + width / 2;
            int cy = (int) Math.round(midY + slope * (cursor - x)) + rnd.nextInt(7) - 3;
            f.digit(index, cx, cy, dh);
            if (cursor + width > x + w - 10) {
                throw new IllegalStateException(name + ": digits overflow the box");
            }
            cursor += width + 6 + rnd.nextInt(Math.max(2, dh / 4));
        }
        f.done();
    }

    /** Collects the digits of one field. */
    private final class Field {
        private final String name;
        private final StringBuilder value = new StringBuilder();
        private final List<Integer> sources = new ArrayList<>();
        private PixelBox box;

        Field(String name) {
            this.name = name;
        }

        void digit(int index, int cx, int cy, int h) {
            PixelBox ink = drawDigit(index, cx, cy, h);
            value.append(test.label(index));
            sources.add(index);
            box = box == null ? ink : box.union(ink);
        }

        void done() {
            fields.add(new FilledField(name, value.toString(), box, List.copyOf(sources)));
        }
    }

    /** Width in pixels of test digit {@code index} drawn at height {@code h}. */
    private int widthAt(int index, int h) {
        int[] bb = inkBounds(index);
        return Math.max(1, (int) Math.round((bb[2] - bb[0] + 1) * (double) h / (bb[3] - bb[1] + 1)));
    }

    /**
     * A test index of class {@code d} not used before on this form, whose ink is one connected
     * stroke (samples with stray marks are passed over, so that each digit is one glyph).
     */
    private int pick(int d) {
        List<Integer> candidates = byClass.get(d);
        for (int tries = 0; tries < 1000; tries++) {
            int index = candidates.get(rnd.nextInt(candidates.size()));
            if (!used.contains(index) && components(index) == 1) {
                used.add(index);
                return index;
            }
        }
        throw new IllegalStateException("no unused test digit of class " + d);
    }

    /** Number of 8-connected components of the pixels >= {@link #INK_THRESHOLD} of a test digit. */
    private int components(int index) {
        int rows = test.rows();
        int cols = test.cols();
        boolean[] seen = new boolean[rows * cols];
        int count = 0;
        int[] stack = new int[rows * cols];
        for (int start = 0; start < rows * cols; start++) {
            if (seen[start] || test.pixel(index, start / cols, start % cols) < INK_THRESHOLD) {
                continue;
            }
            count++;
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int p = stack[--top];
                int r = p / cols;
                int c = p % cols;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        int rr = r + dr;
                        int cc = c + dc;
                        if (rr < 0 || cc < 0 || rr >= rows || cc >= cols) {
                            continue;
                        }
                        int q = rr * cols + cc;
                        if (!seen[q] && test.pixel(index, rr, cc) >= INK_THRESHOLD) {
                            seen[q] = true;
                            stack[top++] = q;
                        }
                    }
                }
            }
        }
        return count;
    }

    /** Ink bounds {minCol, minRow, maxCol, maxRow} of a 28x28 digit (pixels > 0). */
    private int[] inkBounds(int index) {
        int rows = test.rows();
        int cols = test.cols();
        int[] b = {cols, rows, -1, -1};
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (test.pixel(index, r, c) > 0) {
                    b[0] = Math.min(b[0], c);
                    b[1] = Math.min(b[1], r);
                    b[2] = Math.max(b[2], c);
                    b[3] = Math.max(b[3], r);
                }
            }
        }
        if (b[2] < 0) {
            throw new IllegalStateException("empty digit at test index " + index);
        }
        return b;
    }

    /**
     * Draws test digit {@code index} as dark ink (grey = 255 - pixel), its ink cropped and scaled with
     * bilinear interpolation to height {@code h}, centred on (cx, cy). Returns the box of the pixels
     * it darkened by at least {@link #INK_THRESHOLD}.
     */
    private PixelBox drawDigit(int index, int cx, int cy, int h) {
        int[] bb = inkBounds(index);
        int bw = bb[2] - bb[0] + 1;
        int bh = bb[3] - bb[1] + 1;
        double scale = (double) h / bh;
        int w = Math.max(1, (int) Math.round(bw * scale));
        int x0 = cx - w / 2;
        int y0 = cy - h / 2;
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = Integer.MIN_VALUE;
        int maxY = Integer.MIN_VALUE;
        for (int oy = 0; oy < h; oy++) {
            double sy = (oy + 0.5) / scale - 0.5;
            for (int ox = 0; ox < w; ox++) {
                double sx = (ox + 0.5) / scale - 0.5;
                double v = sample(index, bb, bw, bh, sx, sy);
                int ink = (int) Math.round(v);
                if (ink <= 0) {
                    continue;
                }
                int px = x0 + ox;
                int py = y0 + oy;
                if (px < 0 || py < 0 || px >= WIDTH || py >= HEIGHT) {
                    continue;
                }
                int grey = 255 - ink;
                int i = py * WIDTH + px;
                if (grey < (pixels[i] & 0xff)) {
                    pixels[i] = (byte) grey;
                }
                if (ink >= INK_THRESHOLD) {
                    minX = Math.min(minX, px);
                    minY = Math.min(minY, py);
                    maxX = Math.max(maxX, px);
                    maxY = Math.max(maxY, py);
                }
            }
        }
        return new PixelBox(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /** Bilinear sample of the cropped digit at (sx, sy) in crop coordinates; 0 outside. */
    private double sample(int index, int[] bb, int bw, int bh, double sx, double sy) {
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double fx = sx - x0;
        double fy = sy - y0;
        double v00 = px(index, bb, bw, bh, x0, y0);
        double v10 = px(index, bb, bw, bh, x0 + 1, y0);
        double v01 = px(index, bb, bw, bh, x0, y0 + 1);
        double v11 = px(index, bb, bw, bh, x0 + 1, y0 + 1);
        return (v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy;
    }

    private double px(int index, int[] bb, int bw, int bh, int x, int y) {
        if (x < 0 || y < 0 || x >= bw || y >= bh) {
            return 0;
        }
        return test.pixel(index, bb[1] + y, bb[0] + x);
    }
}
