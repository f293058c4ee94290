package io.numscan.synth;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
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
import java.util.List;
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
import org.apache.pdfbox.pdmodel.font.PDVectorFont;

/**
 * A one-page A4 vector invoice with embedded TrueType fonts, and the box of every number token on it.
 *
 * <p>Layout is in PDF points with the origin at the top-left of the page (y grows downward); the
 * content stream gets PDF's bottom-up coordinates. Token boxes are the union of the glyph outlines
 * of the token's characters, taken from the font at the size drawn, so they are ink boxes.
 */
public final class InvoiceDocument {

    /** A number token and its ink box in points, top-left origin. */
    public record TokenBox(String value, Rectangle2D box) {
    }

    static final String COMPANY = "Northwind Office Supplies";
    static final float LEFT = 56f;
    static final float RIGHT = 539f;

    private final List<TokenBox> tokens = new ArrayList<>();
    private TopDownPage page;

    /** One line of the invoice table. */
    record Item(String description, int qty, BigDecimal unitPrice) {
        BigDecimal amount() {
            return unitPrice.multiply(BigDecimal.valueOf(qty)).setScale(2, RoundingMode.HALF_UP);
        }
    }

    static final List<Item> ITEMS = List.of(
            new Item("Paper, white", 12, new BigDecimal("4.75")),
            new Item("Ballpoint pens, blue", 30, new BigDecimal("0.85")),
            new Item("Desk lamp, brushed brass", 2, new BigDecimal("64.90")),
            new Item("Toner cartridge, black", 3, new BigDecimal("89.00")),
            new Item("Ergonomic office chair", 1, new BigDecimal("1234.56")));
    static final BigDecimal DISCOUNT = new BigDecimal("-45.00");
    static final int VAT_PERCENT = 19;

    /** Writes the invoice to {@code pdf} and returns the number tokens with their boxes (points). */
    public List<TokenBox> write(Path pdf) throws IOException {
        tokens.clear();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDFont sans = PDType0Font.load(doc, SampleFonts.SANS.file());
            PDFont bold = PDType0Font.load(doc, SampleFonts.SANS_BOLD.file());
            PDFont serifBold = PDType0Font.load(doc, SampleFonts.SERIF_BOLD.file());

            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                this.page = new TopDownPage(c, page.getMediaBox().getHeight(), tokens);
                drawPage(sans, bold, serifBold);
            } finally {
                this.page = null;
            }

            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Invoice");
            info.setAuthor(COMPANY);
            info.setCreator("NumScan sample generator");
            Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            date.clear();
            date.set(2025, Calendar.MARCH, 11, 9, 30, 0);
            info.setCreationDate(date);
            // A fixed document ID, so that saving twice gives the same bytes.
            COSArray id = new COSArray();
            byte[] idBytes = "numscan-invoice1".getBytes(StandardCharsets.US_ASCII);
            id.add(new COSString(idBytes));
            id.add(new COSString(idBytes));
            doc.getDocument().getTrailer().setItem(COSName.ID, id);
            doc.save(pdf.toFile());
        }
        return List.copyOf(tokens);
    }

    private void drawPage(PDFont sans, PDFont bold, PDFont serifBold) throws IOException {
        DecimalFormat money = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(java.util.Locale.US));

        // Header: seller on the left, invoice data on the right.
        page.text(serifBold, 14, LEFT, 72, COMPANY);
        page.text(sans, 10, LEFT, 90, "1847 Maple Avenue, Suite 210");
        page.text(sans, 10, LEFT, 103, "Springfield, IL 62704");
        page.text(sans, 10, LEFT, 116, "Phone: (538) 555-6523");
        page.text(sans, 10, LEFT, 129, "orders@northwind-supplies.example");

        page.textRight(bold, 14, RIGHT, 72, "INVOICE");
        page.textRight(sans, 10, RIGHT, 90, "Invoice No: 2024-00173");
        page.textRight(sans, 10, RIGHT, 103, "Date: 03/11/2025");
        page.textRight(sans, 10, RIGHT, 116, "Customer ID: 58213");

        page.line(LEFT, 146, RIGHT, 146, 0.8f);

        page.text(bold, 11, LEFT, 172, "Bill to");
        page.text(sans, 10, LEFT, 188, "Harper & Lane Architects");
        page.text(sans, 10, LEFT, 201, "Attn. Accounts Payable");
        page.text(sans, 10, LEFT, 214, "77 Quarry Street");
        page.text(sans, 10, LEFT, 227, "Riverton, OR 97123");

        page.text(bold, 11, 330, 172, "Payment");
        page.text(sans, 10, 330, 188, "Terms: net thirty days");
        page.text(sans, 10, 330, 201, "Bank transfer or cheque");

        // The item table, a full grid.
        float top = 252;
        float rowH = 22;
        float[] cols = {LEFT, 300, 360, 450, RIGHT};
        int rows = ITEMS.size() + 1;
        float bottom = top + rows * rowH;
        page.stream().setNonStrokingColor(0.92f);
        page.stream().addRect(cols[0], page.y(top + rowH), cols[4] - cols[0], rowH);
        page.stream().fill();
        page.stream().setNonStrokingColor(0f);
        for (int r = 0; r <= rows; r++) {
            page.line(cols[0], top + r * rowH, cols[4], top + r * rowH, r == 0 || r == 1 || r == rows ? 1.0f : 0.5f);
        }
        for (float x : cols) {
            page.line(x, top, x, bottom, 0.5f);
        }
        float pad = 6;
        float base = top + 15;
        page.text(bold, 10, cols[0] + pad, base, "Description");
        page.textRight(bold, 10, cols[2] - pad, base, "Qty");
        page.textRight(bold, 10, cols[3] - pad, base, "Unit price");
        page.textRight(bold, 10, cols[4] - pad, base, "Amount");

        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < ITEMS.size(); i++) {
            Item it = ITEMS.get(i);
            float y = top + (i + 1) * rowH + 15;
            page.text(sans, 10, cols[0] + pad, y, it.description());
            page.textRight(sans, 10, cols[2] - pad, y, Integer.toString(it.qty()));
            page.textRight(sans, 10, cols[3] - pad, y, money.format(it.unitPrice()));
            page.textRight(sans, 10, cols[4] - pad, y, money.format(it.amount()));
            subtotal = subtotal.add(it.amount());
        }

        // Totals, under the amount column.
        BigDecimal net = subtotal.add(DISCOUNT);
        BigDecimal vat = net.multiply(BigDecimal.valueOf(VAT_PERCENT)).movePointLeft(2)
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal total = net.add(vat);
        float labelX = cols[2] + pad;
        float valueX = cols[4] - pad;
        float y = bottom + 20;
        page.text(sans, 10, labelX, y, "Subtotal");
        page.textRight(sans, 10, valueX, y, money.format(subtotal));
        y += 15;
        page.text(sans, 10, labelX, y, "Discount");
        page.textRight(sans, 10, valueX, y, money.format(DISCOUNT));
        y += 15;
        page.text(sans, 10, labelX, y, "VAT " + VAT_PERCENT + "%");
        page.textRight(sans, 10, valueX, y, money.format(vat));
        y += 8;
        page.line(cols[2], y, cols[4], y, 0.8f);
        y += 16;
        page.text(bold, 12, labelX, y, "Total");
        page.textRight(bold, 12, valueX, y, "$" + money.format(total));

        page.text(sans, 10, LEFT, bottom + 20, "Thank you for your business.");
        page.text(sans, 9, LEFT, bottom + 35, "Please quote the invoice number with your payment.");

        // Footer.
        page.line(LEFT, 790, RIGHT, 790, 0.5f);
        page.text(sans, 9, LEFT, 804, COMPANY + ", Springfield");
        page.textRight(sans, 9, RIGHT, 804, "Page 1 of 1");
    }




    /** Union of the glyph outlines of {@code s} drawn at (x, baseline); top-left origin. */
    static Rectangle2D inkBox(PDFont font, float size, float x, float baseline, String s) throws IOException {
        double advance = 0;
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            byte[] bytes = font.encode(new String(Character.toChars(cp)));
            int code = font.readCode(new ByteArrayInputStream(bytes));
            Rectangle2D g = ((PDVectorFont) font).getNormalizedPath(code).getBounds2D();
            if (!g.isEmpty()) {
                // glyph units: 1/1000 em, y up
                minX = Math.min(minX, advance + g.getMinX());
                maxX = Math.max(maxX, advance + g.getMaxX());
                minY = Math.min(minY, g.getMinY());
                maxY = Math.max(maxY, g.getMaxY());
            }
            advance += font.getWidth(code);
        }
        if (minX > maxX) {
            throw new IllegalStateException("no ink in '" + s + "'");
        }
        double k = size / 1000.0;
        return new Rectangle2D.Double(x + minX * k, baseline - maxY * k, (maxX - minX) * k, (maxY - minY) * k);
    }
}
