package io.numscan.synth;

import io.numscan.assemble.NumberTokens;
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
    private PDPageContentStream cs;
    private float pageHeight;

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
            pageHeight = page.getMediaBox().getHeight();
            PDFont sans = PDType0Font.load(doc, SampleFonts.SANS.file());
            PDFont bold = PDType0Font.load(doc, SampleFonts.SANS_BOLD.file());
            PDFont serifBold = PDType0Font.load(doc, SampleFonts.SERIF_BOLD.file());

            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                cs = c;
                drawPage(sans, bold, serifBold);
            } finally {
                cs = null;
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
        text(serifBold, 14, LEFT, 72, COMPANY);
        text(sans, 10, LEFT, 90, "1847 Maple Avenue, Suite 210");
        text(sans, 10, LEFT, 103, "Springfield, IL 62704");
        text(sans, 10, LEFT, 116, "Phone: (538) 555-6523");
        text(sans, 10, LEFT, 129, "orders@northwind-supplies.example");

        textRight(bold, 14, RIGHT, 72, "INVOICE");
        textRight(sans, 10, RIGHT, 90, "Invoice No: 2024-00173");
        textRight(sans, 10, RIGHT, 103, "Date: 03/11/2025");
        textRight(sans, 10, RIGHT, 116, "Customer ID: 58213");

        line(LEFT, 146, RIGHT, 146, 0.8f);

        text(bold, 11, LEFT, 172, "Bill to");
        text(sans, 10, LEFT, 188, "Harper & Lane Architects");
        text(sans, 10, LEFT, 201, "Attn. Accounts Payable");
        text(sans, 10, LEFT, 214, "77 Quarry Street");
        text(sans, 10, LEFT, 227, "Riverton, OR 97123");

        text(bold, 11, 330, 172, "Payment");
        text(sans, 10, 330, 188, "Terms: net thirty days");
        text(sans, 10, 330, 201, "Bank transfer or cheque");

        // The item table, a full grid.
        float top = 252;
        float rowH = 22;
        float[] cols = {LEFT, 300, 360, 450, RIGHT};
        int rows = ITEMS.size() + 1;
        float bottom = top + rows * rowH;
        cs.setNonStrokingColor(0.92f);
        cs.addRect(cols[0], pageHeight - (top + rowH), cols[4] - cols[0], rowH);
        cs.fill();
        cs.setNonStrokingColor(0f);
        for (int r = 0; r <= rows; r++) {
            line(cols[0], top + r * rowH, cols[4], top + r * rowH, r == 0 || r == 1 || r == rows ? 1.0f : 0.5f);
        }
        for (float x : cols) {
            line(x, top, x, bottom, 0.5f);
        }
        float pad = 6;
        float base = top + 15;
        text(bold, 10, cols[0] + pad, base, "Description");
        textRight(bold, 10, cols[2] - pad, base, "Qty");
        textRight(bold, 10, cols[3] - pad, base, "Unit price");
        textRight(bold, 10, cols[4] - pad, base, "Amount");

        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < ITEMS.size(); i++) {
            Item it = ITEMS.get(i);
            float y = top + (i + 1) * rowH + 15;
            text(sans, 10, cols[0] + pad, y, it.description());
            textRight(sans, 10, cols[2] - pad, y, Integer.toString(it.qty()));
            textRight(sans, 10, cols[3] - pad, y, money.format(it.unitPrice()));
            textRight(sans, 10, cols[4] - pad, y, money.format(it.amount()));
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
        text(sans, 10, labelX, y, "Subtotal");
        textRight(sans, 10, valueX, y, money.format(subtotal));
        y += 15;
        text(sans, 10, labelX, y, "Discount");
        textRight(sans, 10, valueX, y, money.format(DISCOUNT));
        y += 15;
        text(sans, 10, labelX, y, "VAT " + VAT_PERCENT + "%");
        textRight(sans, 10, valueX, y, money.format(vat));
        y += 8;
        line(cols[2], y, cols[4], y, 0.8f);
        y += 16;
        text(bold, 12, labelX, y, "Total");
        textRight(bold, 12, valueX, y, "$" + money.format(total));

        text(sans, 10, LEFT, bottom + 20, "Thank you for your business.");
        text(sans, 9, LEFT, bottom + 35, "Please quote the invoice number with your payment.");

        // Footer.
        line(LEFT, 790, RIGHT, 790, 0.5f);
        text(sans, 9, LEFT, 804, COMPANY + ", Springfield");
        textRight(sans, 9, RIGHT, 804, "Page 1 of 1");
    }

    private void line(float x0, float y0, float x1, float y1, float width) throws IOException {
        cs.setLineWidth(width);
        cs.moveTo(x0, pageHeight - y0);
        cs.lineTo(x1, pageHeight - y1);
        cs.stroke();
    }

    private void textRight(PDFont font, float size, float xRight, float baseline, String s) throws IOException {
        text(font, size, xRight - font.getStringWidth(s) / 1000f * size, baseline, s);
    }

    /** Draws {@code s} with its baseline at {@code baseline} (from the top) and records its tokens. */
    private void text(PDFont font, float size, float x, float baseline, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, pageHeight - baseline);
        cs.showText(s);
        cs.endText();
        for (NumberTokens.Token t : NumberTokens.tokens(s)) {
            float start = x + font.getStringWidth(s.substring(0, t.start())) / 1000f * size;
            tokens.add(new TokenBox(t.value(), inkBox(font, size, start, baseline, t.value())));
        }
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
