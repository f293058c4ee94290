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
import java.util.List;
import java.util.Random;

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
    private final Random rnd;
    private final HandwrittenDigits digits;
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
        this.rnd = new Random(seed);
        this.digits = new HandwrittenDigits(test, rnd);
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
    public void comb(String name, int x, int y, int n, int cell, int[] values) {
        g.setColor(new Color(LINE_GREY, LINE_GREY, LINE_GREY));
        g.setStroke(new BasicStroke(LINE_WIDTH));
        g.drawRect(x, y, n * cell, cell);
        for (int i = 1; i < n; i++) {
            g.drawLine(x + i * cell, y, x + i * cell, y + cell);
        }
        Field f = new Field(name);
        int margin = 12; // ink keeps this far from the box lines
        for (int i = 0; i < n; i++) {
            int index = digits.pick(values[i]);
            int h = 56 + rnd.nextInt(19); // 56..74
            while (digits.widthAt(index, h) > cell - 2 * margin) {
                h--;
            }
            int w = digits.widthAt(index, h);
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
    public void box(String name, int x, int y, int w, int h, int[] values, int minH, int maxH) {
        g.setColor(new Color(LINE_GREY, LINE_GREY, LINE_GREY));
        g.setStroke(new BasicStroke(LINE_WIDTH));
        g.drawRect(x, y, w, h);
        Field f = new Field(name);
        int base = minH + rnd.nextInt(maxH - minH + 1);
        int cursor = x + 18 + rnd.nextInt(20);
        double slope = (rnd.nextDouble() - 0.5) * 0.04; // the writing drifts a little
        int midY = y + h / 2;
        for (int i = 0; i < values.length; i++) {
            int dh = Math.max(minH, Math.min(maxH, base + rnd.nextInt(9) - 4));
            int index = digits.pick(values[i]);
            int width = digits.widthAt(index, dh);
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
            PixelBox ink = digits.drawDigit(pixels, WIDTH, HEIGHT, index, cx, cy, h);
            value.append(digits.label(index));
            sources.add(index);
            box = box == null ? ink : box.union(ink);
        }

        void done() {
            fields.add(new FilledField(name, value.toString(), box, List.copyOf(sources)));
        }
    }

}
