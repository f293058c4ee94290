package io.numscan.synth.fields;

import io.numscan.synth.TopDownPage;
import io.numscan.synth.SampleFonts;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One invoice of the "Northwind" layout family the sample invoice template describes: A4 vector
 * PDF, seller header, invoice number, date and customer id at the top right, an item table of one
 * to eight rows, then net amount, VAT and total under the amount column. Everything that varies
 * (the items, prices, VAT rate, dates, numbers, the header's and table's vertical place) comes
 * from the seed, and the values the template should extract are recorded.
 */
public final class FieldInvoice {
    static final String COMPANY = "Northwind Office Supplies";
    private static final float LEFT = 56f;
    private static final float RIGHT = 539f;
    private static final List<String> PRODUCTS = List.of("Paper, white A4", "Ballpoint pens, blue", "Desk lamp",
            "Toner cartridge, black", "Ergonomic office chair", "Stapler, heavy duty", "Sticky notes, yellow",
            "Archive boxes", "Whiteboard markers", "Monitor stand", "Envelopes C5", "Label printer tape");

    /** The fields of the invoice template, as the expected CSV writes them. */
    public static final List<String> FIELDS = List.of("invoice_number", "date", "customer_id", "line_amounts", "net",
            "tax", "total");

    private final Random rnd;
    private final long seed;
    private final Map<String, String> truth = new LinkedHashMap<>();
    private TopDownPage page;

    public FieldInvoice(long seed) {
        this.seed = seed;
        this.rnd = new Random(seed);
    }

    /** Field name to the value the template should give, in {@link #FIELDS} order; filled by {@link #write}. */
    public Map<String, String> truth() {
        return Map.copyOf(truth);
    }

    public void write(Path pdf) throws IOException {
        truth.clear();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDFont sans = PDType0Font.load(doc, SampleFonts.SANS.file());
            PDFont bold = PDType0Font.load(doc, SampleFonts.SANS_BOLD.file());
            PDFont serifBold = PDType0Font.load(doc, SampleFonts.SERIF_BOLD.file());
            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                this.page = new TopDownPage(c, page.getMediaBox().getHeight(), null);
                draw(sans, bold, serifBold);
            } finally {
                this.page = null;
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Invoice " + truth.get("invoice_number"));
            info.setAuthor(COMPANY);
            info.setCreator("NumScan sample generator");
            Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            date.clear();
            date.set(2025, Calendar.MARCH, 11, 9, 30, 0);
            info.setCreationDate(date);
            // A fixed document ID, so that saving twice gives the same bytes.
            COSArray id = new COSArray();
            byte[] idBytes = ("numscan-field-invoice-" + seed).getBytes(StandardCharsets.US_ASCII);
            id.add(new COSString(idBytes));
            id.add(new COSString(idBytes));
            doc.getDocument().getTrailer().setItem(COSName.ID, id);
            doc.save(pdf.toFile());
        }
    }

    private void draw(PDFont sans, PDFont bold, PDFont serifBold) throws IOException {
        DecimalFormat money = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        String invoiceNumber = (2023 + rnd.nextInt(3)) + "-" + String.format(Locale.ROOT, "%05d", 1 + rnd.nextInt(99999));
        int month = 1 + rnd.nextInt(12);
        int day = 1 + rnd.nextInt(28);
        int year = 2023 + rnd.nextInt(3);
        String customer = String.format(Locale.ROOT, "%06d", rnd.nextInt(rnd.nextBoolean() ? 100000 : 1000000));
        truth.put("invoice_number", invoiceNumber);
        truth.put("date", String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day));
        truth.put("customer_id", customer);

        float headerShift = rnd.nextInt(13);
        page.text(serifBold, 14, LEFT, 72 + headerShift, COMPANY);
        page.text(sans, 10, LEFT, 90 + headerShift, "1847 Maple Avenue, Suite 210");
        page.text(sans, 10, LEFT, 103 + headerShift, "Springfield, IL 62704");
        page.text(sans, 10, LEFT, 116 + headerShift, "Phone: (538) 555-6523");
        page.textRight(bold, 14, RIGHT, 72 + headerShift, "INVOICE");
        page.textRight(sans, 10, RIGHT, 90 + headerShift, "Invoice No: " + invoiceNumber);
        page.textRight(sans, 10, RIGHT, 103 + headerShift, String.format(Locale.ROOT, "Date: %02d/%02d/%04d", month, day, year));
        page.textRight(sans, 10, RIGHT, 116 + headerShift, "Customer ID: " + customer);
        page.line(LEFT, 146 + headerShift, RIGHT, 146 + headerShift, 0.8f);

        page.text(bold, 11, LEFT, 172 + headerShift, "Bill to");
        page.text(sans, 10, LEFT, 188 + headerShift, "Harper & Lane Architects");
        page.text(sans, 10, LEFT, 201 + headerShift, "Riverton, OR 97123");

        int count = 1 + rnd.nextInt(8);
        List<String> pool = new ArrayList<>(PRODUCTS);
        float top = 240 + headerShift + rnd.nextInt(20);
        float rowH = 22;
        float[] cols = {LEFT, 300, 360, 450, RIGHT};
        float bottom = top + (count + 1) * rowH;
        page.stream().setNonStrokingColor(0.92f);
        page.stream().addRect(cols[0], page.y(top + rowH), cols[4] - cols[0], rowH);
        page.stream().fill();
        page.stream().setNonStrokingColor(0f);
        for (int r = 0; r <= count + 1; r++) {
            page.line(cols[0], top + r * rowH, cols[4], top + r * rowH, r <= 1 || r == count + 1 ? 1.0f : 0.5f);
        }
        for (float x : cols) {
            page.line(x, top, x, bottom, 0.5f);
        }
        float pad = 6;
        page.text(bold, 10, cols[0] + pad, top + 15, "Description");
        page.textRight(bold, 10, cols[2] - pad, top + 15, "Qty");
        page.textRight(bold, 10, cols[3] - pad, top + 15, "Unit price");
        page.textRight(bold, 10, cols[4] - pad, top + 15, "Amount");

        BigDecimal net = BigDecimal.ZERO.setScale(2);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String product = pool.remove(rnd.nextInt(pool.size()));
            int qty = 1 + rnd.nextInt(rnd.nextBoolean() ? 5 : 40);
            // Prices from cents to a few thousand, so some amounts need a thousands separator.
            BigDecimal price = BigDecimal.valueOf(50 + rnd.nextInt(rnd.nextInt(4) == 0 ? 300000 : 20000), 2);
            BigDecimal amount = price.multiply(BigDecimal.valueOf(qty)).setScale(2, RoundingMode.HALF_UP);
            float y = top + (i + 1) * rowH + 15;
            page.text(sans, 10, cols[0] + pad, y, product);
            page.textRight(sans, 10, cols[2] - pad, y, Integer.toString(qty));
            page.textRight(sans, 10, cols[3] - pad, y, money.format(price));
            page.textRight(sans, 10, cols[4] - pad, y, money.format(amount));
            lines.add(amount.toPlainString());
            net = net.add(amount);
        }
        int vatPercent = rnd.nextInt(3) == 0 ? 7 : 19;
        BigDecimal tax = net.multiply(BigDecimal.valueOf(vatPercent)).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
        BigDecimal total = net.add(tax);
        truth.put("line_amounts", String.join("; ", lines));
        truth.put("net", net.toPlainString());
        truth.put("tax", tax.toPlainString());
        truth.put("total", total.toPlainString());

        float labelX = cols[2] + pad;
        float valueX = cols[4] - pad;
        float y = bottom + 20;
        page.text(sans, 10, labelX, y, "Net amount");
        page.textRight(sans, 10, valueX, y, money.format(net));
        y += 15;
        page.text(sans, 10, labelX, y, "VAT " + vatPercent + "%");
        page.textRight(sans, 10, valueX, y, money.format(tax));
        y += 8;
        page.line(cols[2], y, cols[4], y, 0.8f);
        y += 16;
        page.text(bold, 12, labelX, y, "Total");
        page.textRight(bold, 12, valueX, y, "$" + money.format(total));

        page.text(sans, 10, LEFT, bottom + 20, "Thank you for your business.");
        page.text(sans, 9, LEFT, bottom + 35, "Please quote the invoice number with your payment.");
        page.line(LEFT, 790, RIGHT, 790, 0.5f);
        page.text(sans, 9, LEFT, 804, COMPANY + ", Springfield");
        page.textRight(sans, 9, RIGHT, 804, "Page 1 of 1");
    }
}
