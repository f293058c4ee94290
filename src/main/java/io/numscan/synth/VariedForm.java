package io.numscan.synth;

import io.numscan.assemble.NumberTokens;
import io.numscan.train.data.DigitSet;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A 300-DPI form whose layout comes from a seed: A4 portrait or A5 landscape, four to eight
 * fields, each a comb (one digit per cell) or a free box, filled with handwritten test-split
 * digits 20 to 80 pixels tall; printed labels and a printed form code and revision date (which
 * are digit-bearing tokens too, so printed and handwritten numbers are read from one page).
 */
public final class VariedForm {

    /** A number on the form (handwritten field or printed text), with its ink box. */
    public record Item(String value, PixelBox box, List<Integer> sourceDigits) {
    }

    private static final String[] TITLES = {"Parcel Delivery Receipt", "Meter Reading Card", "Stock Count Sheet",
        "Membership Application", "Returns Form", "Time Sheet", "Lab Sample Register", "Customs Declaration"};
    private static final String[] LABELS = {"Customer number", "Postcode", "Amount", "Quantity", "Account",
        "Meter reading", "Order reference", "Room", "Extension", "Batch", "Weight in grams", "Hours",
        "Member number", "Article", "Seal number", "Pallets"};
    private static final int LINE_GREY = 70;

    private final Random rnd;
    private final HandwrittenDigits digits;
    private final boolean portrait;
    private final int width;
    private final int height;
    private final List<Item> items = new ArrayList<>();
    private byte[] pixels;
    private Graphics2D g;

    /** @param split the digits to fill it with: the test split, or validation for forms to tune on */
    public VariedForm(DigitSet split, long seed) {
        this.rnd = new Random(seed);
        this.digits = new HandwrittenDigits(split, rnd);
        this.portrait = rnd.nextBoolean();
        this.width = 2480;
        this.height = portrait ? 3508 : 1748;
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    public BufferedImage render() throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        pixels = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            draw();
        } finally {
            g.dispose();
        }
        return img;
    }

    private void draw() throws IOException {
        VariedInvoice.Family family = VariedInvoice.FAMILIES.get(rnd.nextInt(VariedInvoice.FAMILIES.size()));
        Font regular = load(family.regular());
        Font bold = load(family.bold());
        float pt = 300f / 72f;
        int left = 150 + rnd.nextInt(60);
        int right = width - left;

        String title = TITLES[rnd.nextInt(TITLES.length)];
        printed(bold.deriveFont(18 * pt), title, left, 220);
        String code = String.format(Locale.ROOT, "Form %d-%d", 100 + rnd.nextInt(900), 1 + rnd.nextInt(99));
        String rev = String.format(Locale.ROOT, "Rev. %02d/%d", 1 + rnd.nextInt(12), 2020 + rnd.nextInt(6));
        Font small = regular.deriveFont(9 * pt);
        printedRight(small, code + "   " + rev, right, 220);
        g.setColor(new Color(LINE_GREY, LINE_GREY, LINE_GREY));
        g.setStroke(new BasicStroke(3f));
        g.drawLine(left, 270, right, 270);

        Font label = regular.deriveFont((10 + rnd.nextInt(3)) * pt);
        int fieldX = left + 620 + rnd.nextInt(120);
        int y = 340;
        int bottom = height - 200;
        int fieldCount = 4 + rnd.nextInt(portrait ? 5 : 3);
        List<String> names = new ArrayList<>(List.of(LABELS));
        for (int f = 0; f < fieldCount; f++) {
            String name = names.remove(rnd.nextInt(names.size()));
            int h = 20 + rnd.nextInt(61); // digit height 20..80 px
            boolean comb = rnd.nextBoolean();
            int n = 2 + rnd.nextInt(comb ? 7 : 8);
            int rowHeight;
            if (comb) {
                int cell = Math.max(h + 24, 40 + rnd.nextInt(20));
                while (fieldX + n * cell > right) {
                    n--;
                }
                rowHeight = cell;
                if (y + rowHeight > bottom) {
                    break;
                }
                printed(label, name, left, y + cell / 2 + 15);
                comb(fieldX, y, n, cell, h);
            } else {
                int boxH = h + 30 + rnd.nextInt(40);
                rowHeight = boxH;
                if (y + rowHeight > bottom) {
                    break;
                }
                printed(label, name, left, y + boxH / 2 + 15);
                box(fieldX, y, right - fieldX, boxH, n, h);
            }
            y += rowHeight + 60 + rnd.nextInt(80);
        }
        if (y + 100 < bottom) {
            printed(small, "Signature", left, y + 60);
            g.setColor(new Color(LINE_GREY, LINE_GREY, LINE_GREY));
            g.drawLine(fieldX, y + 70, fieldX + 700, y + 70);
        }
    }

    private void comb(int x, int y, int n, int cell, int h) {
        g.setColor(new Color(LINE_GREY, LINE_GREY, LINE_GREY));
        g.setStroke(new BasicStroke(2f + rnd.nextInt(3)));
        g.drawRect(x, y, n * cell, cell);
        for (int i = 1; i < n; i++) {
            g.drawLine(x + i * cell, y, x + i * cell, y + cell);
        }
        Filled f = new Filled();
        int margin = 10;
        for (int i = 0; i < n; i++) {
            int index = digits.pick(rnd.nextInt(10));
            int dh = Math.max(16, Math.min(cell - 2 * margin, h + rnd.nextInt(7) - 3));
            while (digits.widthAt(index, dh) > cell - 2 * margin) {
                dh--;
            }
            int w = digits.widthAt(index, dh);
            int cellLeft = x + i * cell;
            int cx = cellLeft + cell / 2 + rnd.nextInt(9) - 4;
            cx = Math.max(cellLeft + margin + w / 2, Math.min(cellLeft + cell - margin - (w + 1) / 2, cx));
            int cy = y + cell / 2 + rnd.nextInt(7) - 3;
            cy = Math.max(y + margin + dh / 2, Math.min(y + cell - margin - (dh + 1) / 2, cy));
            f.digit(index, cx, cy, dh);
        }
        f.done();
    }

    private void box(int x, int y, int w, int h, int n, int digitHeight) {
        g.setColor(new Color(LINE_GREY, LINE_GREY, LINE_GREY));
        g.setStroke(new BasicStroke(2f + rnd.nextInt(3)));
        g.drawRect(x, y, w, h);
        Filled f = new Filled();
        int cursor = x + 16 + rnd.nextInt(30);
        double slope = (rnd.nextDouble() - 0.5) * 0.04;
        int midY = y + h / 2;
        for (int i = 0; i < n; i++) {
            int dh = Math.max(18, Math.min(h - 20, digitHeight + rnd.nextInt(7) - 3));
            int index = digits.pick(i == 0 ? 1 + rnd.nextInt(9) : rnd.nextInt(10));
            int dw = digits.widthAt(index, dh);
            if (cursor + dw > x + w - 12) {
                break;
            }
            int cx = cursor + dw / 2;
            int cy = (int) Math.round(midY + slope * (cursor - x)) + rnd.nextInt(5) - 2;
            cy = Math.max(y + 8 + dh / 2, Math.min(y + h - 8 - (dh + 1) / 2, cy));
            f.digit(index, cx, cy, dh);
            // Gaps between handwritten digits scale with their size, never wide enough to split the number.
            cursor += dw + 4 + rnd.nextInt(Math.max(2, dh / 5));
        }
        f.done();
    }

    private final class Filled {
        private final StringBuilder value = new StringBuilder();
        private final List<Integer> sources = new ArrayList<>();
        private PixelBox box;

        void digit(int index, int cx, int cy, int h) {
            PixelBox ink = digits.drawDigit(pixels, width, height, index, cx, cy, h);
            value.append(digits.label(index));
            sources.add(index);
            box = box == null ? ink : box.union(ink);
        }

        void done() {
            if (box != null) {
                items.add(new Item(value.toString(), box, List.copyOf(sources)));
            }
        }
    }

    private void printedRight(Font font, String text, int right, int baseline) {
        g.setFont(font);
        int w = (int) Math.ceil(font.getStringBounds(text, g.getFontRenderContext()).getWidth());
        printed(font, text, right - w, baseline);
    }

    /** Draws printed text and records its number tokens with their ink boxes. */
    private void printed(Font font, String text, int x, int baseline) {
        g.setFont(font);
        g.setColor(new Color(20, 20, 20));
        g.drawString(text, x, baseline);
        FontRenderContext frc = g.getFontRenderContext();
        for (NumberTokens.Token t : NumberTokens.tokens(text)) {
            double start = font.getStringBounds(text.substring(0, t.start()), frc).getWidth();
            GlyphVector gv = font.createGlyphVector(frc, t.value());
            Rectangle2D ink = gv.getVisualBounds();
            items.add(new Item(t.value(), PixelBox.enclosing(new Rectangle2D.Double(
                    x + start + ink.getX(), baseline + ink.getY(), ink.getWidth(), ink.getHeight())), null));
        }
    }

    private static Font load(String file) throws IOException {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new File(VariedInvoice.FONT_ROOT + file));
        } catch (FontFormatException e) {
            throw new IOException("cannot load font " + file, e);
        }
    }
}
