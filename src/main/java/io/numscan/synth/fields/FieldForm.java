package io.numscan.synth.fields;

import io.numscan.extract.Check;
import io.numscan.synth.HandwrittenForm;
import io.numscan.synth.SampleFonts;
import io.numscan.train.data.DigitSet;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * One filled-in "parcel delivery receipt, form 4417" of the layout the sample form template
 * describes: a printed form number, comb fields for the customer number, postcode and date
 * (DDMMYYYY), and free boxes for the amount and the order reference (nine digits, the last a
 * Luhn check digit), written with handwritten digits of the test split. The whole form sits a few
 * pixels off from one document to the next, as a printer and a scanner place it.
 */
public final class FieldForm {
    public static final String FORM_NUMBER = "4417";
    /** The fields of the form template, as the expected CSV writes them. */
    public static final List<String> FIELDS = List.of("customer_number", "postcode", "delivery_date", "amount",
            "order_reference");

    private final DigitSet test;
    private final long seed;
    private final Map<String, String> truth = new LinkedHashMap<>();

    /** {@code test} must be the test split of the digit data. */
    public FieldForm(DigitSet test, long seed) {
        this.test = test;
        this.seed = seed;
    }

    public Map<String, String> truth() {
        return Map.copyOf(truth);
    }

    public BufferedImage render() throws IOException {
        truth.clear();
        HandwrittenForm form = new HandwrittenForm(test, seed, this::draw);
        BufferedImage image = form.render();
        for (HandwrittenForm.FilledField f : form.fields()) {
            String digits = f.value();
            truth.put(f.label(), switch (f.label()) {
                case "delivery_date" -> digits.substring(4, 8) + "-" + digits.substring(2, 4) + "-" + digits.substring(0, 2);
                default -> digits;
            });
        }
        return image;
    }

    private void draw(HandwrittenForm form) throws IOException {
        Random rnd = form.random();
        Graphics2D g = form.graphics();
        Font sans = HandwrittenForm.load(SampleFonts.SANS);
        Font bold = HandwrittenForm.load(SampleFonts.SANS_BOLD);
        float pt = 300f / 72f;
        int dx = rnd.nextInt(31) - 15;
        int dy = rnd.nextInt(31) - 15;
        int left = 160 + dx;
        int fieldX = 820 + dx;

        form.labelAt(bold.deriveFont(20 * pt), "Parcel Delivery Receipt", left, 210 + dy);
        form.labelAt(bold.deriveFont(14 * pt), "Form " + FORM_NUMBER, 1950 + dx, 205 + dy);
        form.labelAt(sans.deriveFont(10 * pt), "Please write in black ink, one digit in each box.", left, 285 + dy);
        g.setColor(new Color(70, 70, 70));
        g.drawLine(left, 320 + dy, 2320 + dx, 320 + dy);

        Font label = sans.deriveFont(12 * pt);
        form.labelAt(label, "Customer number", left, 455 + dy);
        form.comb("customer_number", fieldX, 375 + dy, 6, 110, form.randomDigits(6, false));
        form.labelAt(label, "Postcode", left, 635 + dy);
        form.comb("postcode", fieldX, 555 + dy, 5, 110, form.randomDigits(5, false));
        form.labelAt(label, "Date (DDMMYYYY)", left, 815 + dy);
        form.comb("delivery_date", fieldX, 735 + dy, 8, 110, dateDigits(rnd));
        form.labelAt(label, "Amount", left, 1000 + dy);
        form.box("amount", fieldX, 915 + dy, 620, 130, form.randomDigits(2 + rnd.nextInt(4), true), 52, 72);
        form.labelAt(label, "Order reference", left, 1205 + dy);
        form.box("order_reference", fieldX, 1110 + dy, 1100, 190, orderReference(form), 70, 80);
        form.labelAt(label, "Received by", left, 1450 + dy);
        g.setColor(new Color(70, 70, 70));
        g.drawLine(fieldX, 1460 + dy, fieldX + 900, 1460 + dy);
        form.labelAt(sans.deriveFont(9 * pt), "Keep this receipt until the parcel has been checked.", left, 1620 + dy);
    }

    private static int[] dateDigits(Random rnd) {
        String s = String.format(Locale.ROOT, "%02d%02d%04d", 1 + rnd.nextInt(28), 1 + rnd.nextInt(12), 2023 + rnd.nextInt(3));
        return s.chars().map(c -> c - '0').toArray();
    }

    private static int[] orderReference(HandwrittenForm form) {
        int[] payload = form.randomDigits(8, true);
        StringBuilder sb = new StringBuilder();
        for (int d : payload) {
            sb.append(d);
        }
        int[] digits = new int[9];
        System.arraycopy(payload, 0, digits, 0, 8);
        digits[8] = Check.luhnDigit(sb.toString());
        return digits;
    }
}
