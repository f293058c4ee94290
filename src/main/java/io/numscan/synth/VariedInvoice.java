package io.numscan.synth;

import java.io.File;
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
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A vector invoice whose whole look comes from a seed: page size, font family and size (down to
 * 7 pt), US or European number and date formats, header layout, dark bands with white text, table
 * rules (full grid, rows only, none, or shaded rows), the columns present, and enough item rows to
 * run onto a second or third page. Every number token drawn is recorded with its ink box, per page.
 *
 * <p>Coordinates are PDF points with the origin at the top-left of the page (y grows downward).
 */
public final class VariedInvoice {

    /** A font family as two TrueType files; {@code narrow} families get more columns. */
    public record Family(String name, String regular, String bold) {
    }

    /**
     * Families the generator draws from, all in Debian fonts-* packages the build installs: sans,
     * serif, condensed and monospaced, so the reader is tested on more than one digit shape.
     */
    public static final List<Family> FAMILIES = List.of(
            new Family("Liberation Sans", "liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
            new Family("Liberation Serif", "liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf"),
            new Family("Liberation Sans Narrow", "liberation/LiberationSansNarrow-Regular.ttf",
                    "liberation/LiberationSansNarrow-Bold.ttf"),
            new Family("Liberation Mono", "liberation/LiberationMono-Regular.ttf", "liberation/LiberationMono-Bold.ttf"),
            new Family("DejaVu Sans", "dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
            new Family("DejaVu Serif Condensed", "dejavu/DejaVuSerifCondensed.ttf", "dejavu/DejaVuSerifCondensed-Bold.ttf"),
            new Family("DejaVu Sans Mono", "dejavu/DejaVuSansMono.ttf", "dejavu/DejaVuSansMono-Bold.ttf"),
            new Family("Carlito", "crosextra/Carlito-Regular.ttf", "crosextra/Carlito-Bold.ttf"),
            new Family("Caladea", "crosextra/Caladea-Regular.ttf", "crosextra/Caladea-Bold.ttf"),
            new Family("FreeSans", "freefont/FreeSans.ttf", "freefont/FreeSansBold.ttf"),
            new Family("FreeSerif", "freefont/FreeSerif.ttf", "freefont/FreeSerifBold.ttf"));

    static final String FONT_ROOT = "/usr/share/fonts/truetype/";

    /** How the item table is ruled. */
    enum Rules { GRID, ROWS, NONE, SHADED }

    /** What was drawn: the family and size used, and every number token per page (points). */
    public record Drawn(String family, float size, boolean european, List<List<InvoiceDocument.TokenBox>> pages) {
    }

    private static final String[] COMPANY_A = {"Northwind", "Bergmann", "Harbor", "Alpine", "Meridian", "Oakridge",
        "Lindqvist", "Cobalt", "Saffron", "Pioneer", "Riverside", "Kestrel"};
    private static final String[] COMPANY_B = {"Office Supplies", "Hardware", "Logistics", "Print Services",
        "Electrical", "Catering", "Laboratory Goods", "Tools & Parts", "Consulting", "Paper Works"};
    private static final String[] STREETS = {"Maple Avenue", "Quarry Street", "Lindenweg", "Harbour Road",
        "Station Square", "Mill Lane", "Kings Road", "Hauptstrasse", "Elm Court", "Rue des Fleurs"};
    private static final String[] CITIES = {"Springfield", "Riverton", "Hamburg", "Leeds", "Lyon", "Uppsala",
        "Graz", "Porto", "Denver", "Utrecht"};
    private static final String[] ITEMS = {"Paper, white", "Ballpoint pens, blue", "Desk lamp, brass",
        "Toner cartridge, black", "Office chair", "Stapler, heavy duty", "Label tape", "Archive boxes",
        "Whiteboard markers", "Cable ties", "Monitor stand", "Printer paper, recycled", "Filing cabinet",
        "Envelopes, window", "Coffee beans", "Hand soap refill", "Cleaning service", "Delivery and handling",
        "Consulting hours", "Software licence", "Extension lead", "Safety gloves", "Padlock", "Shelf brackets"};
    private static final String[] UNITS = {"pcs", "box", "h", "kg", "pack", "set"};

    private final Random rnd;
    private final Family family;
    private final float size;
    private final boolean european;
    private final Rules rules;
    private final boolean darkHeader;
    private final PDRectangle pageSize;
    private final String currency;
    private final DecimalFormat money;

    private final List<List<InvoiceDocument.TokenBox>> pages = new ArrayList<>();
    private List<InvoiceDocument.TokenBox> tokens;
    private TopDownPage canvas;
    private PDFont regular;
    private PDFont bold;

    public VariedInvoice(long seed) {
        this.rnd = new Random(seed);
        this.family = FAMILIES.get(rnd.nextInt(FAMILIES.size()));
        // One invoice in six is in small 7-pt print; the rest 8 to 11 pt.
        this.size = rnd.nextInt(6) == 0 ? 7f : 8f + rnd.nextInt(4);
        this.european = rnd.nextBoolean();
        this.rules = Rules.values()[rnd.nextInt(Rules.values().length)];
        this.darkHeader = rnd.nextInt(3) == 0;
        this.pageSize = rnd.nextInt(4) == 0 ? PDRectangle.LETTER : PDRectangle.A4;
        this.currency = european ? (rnd.nextBoolean() ? "EUR" : "\u20ac") : "$";
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(european ? Locale.GERMANY : Locale.US);
        this.money = new DecimalFormat("#,##0.00", symbols);
    }

    /** True if every family's fonts are installed (Debian: fonts-liberation, -dejavu, -crosextra-*, -freefont-ttf). */
    public static boolean fontsInstalled() {
        return FAMILIES.stream().allMatch(f -> new File(FONT_ROOT + f.regular()).isFile()
                && new File(FONT_ROOT + f.bold()).isFile());
    }

    /** Writes the invoice to {@code pdf}; {@code id} makes the PDF's document ID (and so its bytes) fixed. */
    public Drawn write(Path pdf, String id) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            regular = PDType0Font.load(doc, new File(FONT_ROOT + family.regular()));
            bold = PDType0Font.load(doc, new File(FONT_ROOT + family.bold()));
            drawDocument(doc);
            Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            date.clear();
            date.set(2025, Calendar.JANUARY, 1, 0, 0, 0);
            doc.getDocumentInformation().setCreationDate(date);
            doc.getDocumentInformation().setCreator("NumScan corpus generator");
            COSArray ids = new COSArray();
            byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
            ids.add(new COSString(idBytes));
            ids.add(new COSString(idBytes));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            doc.save(pdf.toFile());
        }
        return new Drawn(family.name(), size, european, List.copyOf(pages));
    }

    private record Line(String description, int qty, String unit, BigDecimal price, int vat) {
        BigDecimal amount() {
            return price.multiply(BigDecimal.valueOf(qty)).setScale(2, RoundingMode.HALF_UP);
        }
    }

    private void drawDocument(PDDocument doc) throws IOException {
        float left = 50 + rnd.nextInt(20);
        float right = pageSize.getWidth() - (50 + rnd.nextInt(20));
        float lead = size * 1.35f;
        int itemCount = rnd.nextInt(3) == 0 ? 25 + rnd.nextInt(40) : 3 + rnd.nextInt(12);
        List<Line> lines = new ArrayList<>();
        int[] vatRates = european ? new int[] {19, 7} : new int[] {8, 0};
        for (int i = 0; i < itemCount; i++) {
            BigDecimal price = BigDecimal.valueOf(rnd.nextInt(rnd.nextInt(5) == 0 ? 250000 : 12000) + 5, 2);
            lines.add(new Line(ITEMS[rnd.nextInt(ITEMS.length)], 1 + rnd.nextInt(rnd.nextBoolean() ? 9 : 120),
                    UNITS[rnd.nextInt(UNITS.length)], price, vatRates[rnd.nextInt(vatRates.length)]));
        }
        String invoiceNo = (2023 + rnd.nextInt(3)) + "-" + String.format(Locale.ROOT, "%05d", rnd.nextInt(100000));
        int day = 1 + rnd.nextInt(28);
        int month = 1 + rnd.nextInt(12);
        int year = 2024 + rnd.nextInt(2);
        String date = european ? String.format(Locale.ROOT, "%02d.%02d.%d", day, month, year)
                : String.format(Locale.ROOT, "%02d/%02d/%d", month, day, year);
        String due = european ? String.format(Locale.ROOT, "%02d.%02d.%d", Math.min(28, day + 14), month, year)
                : String.format(Locale.ROOT, "%d-%02d-%02d", year, month, Math.min(28, day + 14));
        String company = COMPANY_A[rnd.nextInt(COMPANY_A.length)] + " " + COMPANY_B[rnd.nextInt(COMPANY_B.length)];

        // Columns: always description and amount; the others come and go.
        boolean posColumn = rnd.nextBoolean();
        boolean unitColumn = rnd.nextBoolean();
        boolean vatColumn = european && rnd.nextBoolean();

        // Pages are filled first; the footers ("Page i of n") are added once n is known.
        List<PDPage> drawn = new ArrayList<>();
        int itemsDone = 0;
        float bottomLimit = pageSize.getHeight() - 110;
        while (itemsDone < lines.size() || drawn.isEmpty()) {
            PDPage page = new PDPage(pageSize);
            doc.addPage(page);
            drawn.add(page);
            tokens = new ArrayList<>();
            pages.add(tokens);
            try (PDPageContentStream stream = new PDPageContentStream(doc, page)) {
                canvas = new TopDownPage(stream, pageSize.getHeight(), tokens);
                float y;
                if (drawn.size() == 1) {
                    y = header(left, right, lead, company, invoiceNo, date, due);
                } else {
                    y = 70;
                    canvas.text(bold, size + 2, left, y, "Invoice " + invoiceNo + " (continued)");
                    y += 2 * lead;
                }
                float rowH = lead + 6;
                int rowsFit = (int) ((bottomLimit - y) / rowH) - 1;
                int remaining = lines.size() - itemsDone;
                // The totals block needs about eight rows' room under the table.
                int rowsHere = remaining <= rowsFit - 8 ? remaining : Math.max(1, Math.min(remaining - 1, rowsFit));
                y = table(left, right, y, rowH, lines, itemsDone, rowsHere, posColumn, unitColumn, vatColumn);
                itemsDone += rowsHere;
                if (itemsDone >= lines.size()) {
                    totals(left, right, y + lead, lead, lines);
                }
            } finally {
                canvas = null;
            }
            if (drawn.size() > 10) {
                throw new IllegalStateException("invoice layout does not converge");
            }
        }
        for (int i = 0; i < drawn.size(); i++) {
            tokens = pages.get(i);
            try (PDPageContentStream stream = new PDPageContentStream(doc, drawn.get(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                canvas = new TopDownPage(stream, pageSize.getHeight(), tokens);
                footer(left, right, company, i + 1, drawn.size());
            } finally {
                canvas = null;
            }
        }
    }

    private float header(float left, float right, float lead, String company, String invoiceNo,
            String date, String due) throws IOException {
        float y = 60 + rnd.nextInt(20);
        String street = (1 + rnd.nextInt(1999)) + " " + STREETS[rnd.nextInt(STREETS.length)];
        if (european) {
            street = STREETS[rnd.nextInt(STREETS.length)] + " " + (1 + rnd.nextInt(120));
        }
        String city = european ? String.format(Locale.ROOT, "%05d %s", 1000 + rnd.nextInt(98000), CITIES[rnd.nextInt(CITIES.length)])
                : CITIES[rnd.nextInt(CITIES.length)] + ", IL " + (60000 + rnd.nextInt(3000));
        String phone = european ? "Tel. +49 " + (30 + rnd.nextInt(60)) + " " + (1000000 + rnd.nextInt(8999999))
                : String.format(Locale.ROOT, "Phone: (%d) 555-%04d", 200 + rnd.nextInt(700), rnd.nextInt(10000));

        float bandTop = y - size * 2.2f;
        if (darkHeader) {
            float bandH = size * 2.2f * 2 + lead * 2;
            fillRect(left - 8, bandTop, right - left + 16, bandH, 0.18f + rnd.nextFloat() * 0.12f);
            canvas.stream().setNonStrokingColor(1f);
        }
        canvas.text(bold, size * 1.5f, left, y, company);
        canvas.textRight(bold, size * 1.4f, right, y, european ? "RECHNUNG / INVOICE" : "INVOICE");
        y += lead * 1.6f;
        String noLabel = rnd.nextBoolean() ? "Invoice No: " : "Invoice # ";
        canvas.textRight(regular, size, right, y, noLabel + invoiceNo);
        canvas.text(regular, size, left, y, street);
        y += lead;
        canvas.textRight(regular, size, right, y, "Date: " + date);
        canvas.text(regular, size, left, y, city);
        if (darkHeader) {
            canvas.stream().setNonStrokingColor(0f);
            y += lead * 1.2f;
        }
        y += lead;
        canvas.text(regular, size, left, y, phone);
        canvas.textRight(regular, size, right, y, "Due: " + due);
        y += lead;
        canvas.textRight(regular, size, right, y, "Customer ID: " + (10000 + rnd.nextInt(90000)));
        if (rnd.nextBoolean()) {
            canvas.text(regular, size, left, y, european ? "USt-IdNr. DE " + (100000000 + rnd.nextInt(899999999))
                    : "Tax ID " + (10 + rnd.nextInt(89)) + "-" + (1000000 + rnd.nextInt(8999999)));
        }
        y += lead * 1.5f;
        canvas.line(left, y, right, y, 0.8f);
        y += lead * 1.8f;
        canvas.text(bold, size + 1, left, y, "Bill to");
        canvas.text(bold, size + 1, (left + right) / 2, y, "Ship to");
        y += lead;
        String customer = COMPANY_A[rnd.nextInt(COMPANY_A.length)] + " " + COMPANY_B[rnd.nextInt(COMPANY_B.length)];
        canvas.text(regular, size, left, y, customer);
        canvas.text(regular, size, (left + right) / 2, y, customer);
        y += lead;
        String addr = european ? STREETS[rnd.nextInt(STREETS.length)] + " " + (1 + rnd.nextInt(200))
                : (1 + rnd.nextInt(9999)) + " " + STREETS[rnd.nextInt(STREETS.length)];
        canvas.text(regular, size, left, y, addr);
        canvas.text(regular, size, (left + right) / 2, y, "Dock " + (1 + rnd.nextInt(12)));
        y += lead;
        String town = european ? String.format(Locale.ROOT, "%05d %s", 1000 + rnd.nextInt(98000), CITIES[rnd.nextInt(CITIES.length)])
                : CITIES[rnd.nextInt(CITIES.length)] + ", OR " + (97000 + rnd.nextInt(900));
        canvas.text(regular, size, left, y, town);
        y += lead;
        canvas.text(regular, size, left, y, "Order " + (rnd.nextInt(900000) + 100000) + " of " + (european ? "12.09.2025" : "09/12/2025"));
        return y + 2 * lead;
    }

    private float table(float left, float right, float top, float rowH, List<Line> lines, int from, int count,
            boolean posColumn, boolean unitColumn, boolean vatColumn) throws IOException {
        // Column right edges, from the right: amount, [vat], unit price, [unit], qty; description is the rest.
        float w = right - left;
        List<String> heads = new ArrayList<>();
        List<Float> edges = new ArrayList<>();
        float pos = left;
        if (posColumn) {
            heads.add("Pos");
            pos += Math.max(28, size * 3.2f);
            edges.add(pos);
        }
        heads.add("Description");
        float descEnd = right - w * (0.15f + 0.14f + 0.09f + (unitColumn ? 0.07f : 0) + (vatColumn ? 0.08f : 0));
        edges.add(descEnd);
        pos = descEnd;
        heads.add("Qty");
        pos += w * 0.09f;
        edges.add(pos);
        if (unitColumn) {
            heads.add("Unit");
            pos += w * 0.07f;
            edges.add(pos);
        }
        heads.add("Unit price");
        pos += w * 0.14f;
        edges.add(pos);
        if (vatColumn) {
            heads.add("VAT");
            pos += w * 0.08f;
            edges.add(pos);
        }
        heads.add("Amount");
        edges.add(right);

        boolean darkHead = rnd.nextInt(3) == 0;
        float bottom = top + rowH * (count + 1);
        if (darkHead) {
            fillRect(left, top, right - left, rowH, 0.2f);
        } else if (rules != Rules.NONE) {
            fillRect(left, top, right - left, rowH, 0.9f);
        }
        if (rules == Rules.SHADED) {
            for (int r = 1; r <= count; r += 2) {
                fillRect(left, top + r * rowH, right - left, rowH, 0.93f);
            }
        }
        if (rules == Rules.GRID || rules == Rules.ROWS) {
            for (int r = 0; r <= count + 1; r++) {
                canvas.line(left, top + r * rowH, right, top + r * rowH, r <= 1 || r == count + 1 ? 1.0f : 0.5f);
            }
        } else {
            canvas.line(left, top + rowH, right, top + rowH, 0.8f);
            canvas.line(left, bottom, right, bottom, 0.8f);
        }
        if (rules == Rules.GRID) {
            canvas.line(left, top, left, bottom, 0.5f);
            for (Float x : edges) {
                canvas.line(x, top, x, bottom, 0.5f);
            }
        }
        float pad = 4;
        float base = top + rowH / 2 + size * 0.35f;
        if (darkHead) {
            canvas.stream().setNonStrokingColor(1f);
        }
        float cellLeft = left;
        for (int c = 0; c < heads.size(); c++) {
            String h = heads.get(c);
            if ("Description".equals(h) || "Pos".equals(h)) {
                canvas.text(bold, size, cellLeft + pad, base, h);
            } else {
                canvas.textRight(bold, size, edges.get(c) - pad, base, h);
            }
            cellLeft = edges.get(c);
        }
        canvas.stream().setNonStrokingColor(0f);
        for (int i = 0; i < count; i++) {
            Line it = lines.get(from + i);
            float y = base + (i + 1) * rowH;
            cellLeft = left;
            for (int c = 0; c < heads.size(); c++) {
                String h = heads.get(c);
                float edge = edges.get(c) - pad;
                switch (h) {
                    case "Pos" -> canvas.text(regular, size, cellLeft + pad, y, Integer.toString(from + i + 1));
                    case "Description" -> canvas.text(regular, size, cellLeft + pad, y, it.description());
                    case "Qty" -> canvas.textRight(regular, size, edge, y, Integer.toString(it.qty()));
                    case "Unit" -> canvas.textRight(regular, size, edge, y, it.unit());
                    case "Unit price" -> canvas.textRight(regular, size, edge, y, money.format(it.price()));
                    case "VAT" -> canvas.textRight(regular, size, edge, y, it.vat() + "%");
                    default -> canvas.textRight(regular, size, edge, y, money.format(it.amount()));
                }
                cellLeft = edges.get(c);
            }
        }
        return bottom;
    }

    private void totals(float left, float right, float y, float lead, List<Line> lines) throws IOException {
        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        for (Line l : lines) {
            subtotal = subtotal.add(l.amount());
        }
        float labelX = right - 200;
        float valueX = right - 4;
        y += lead * 0.5f;
        canvas.text(regular, size, labelX, y, "Subtotal");
        canvas.textRight(regular, size, valueX, y, money.format(subtotal));
        BigDecimal net = subtotal;
        if (rnd.nextBoolean()) {
            BigDecimal discount = BigDecimal.valueOf(-(100 + rnd.nextInt(9900)), 2);
            y += lead;
            canvas.text(regular, size, labelX, y, "Discount");
            canvas.textRight(regular, size, valueX, y, money.format(discount));
            net = net.add(discount);
        }
        int rate = european ? (rnd.nextBoolean() ? 19 : 7) : 8;
        BigDecimal tax = net.multiply(BigDecimal.valueOf(rate)).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
        y += lead;
        canvas.text(regular, size, labelX, y, (european ? "VAT " : "Sales tax ") + rate + (rnd.nextBoolean() ? "%" : " %"));
        canvas.textRight(regular, size, valueX, y, money.format(tax));
        y += lead * 0.6f;
        canvas.line(labelX, y, right, y, 0.8f);
        y += lead * 1.2f;
        String total = money.format(net.add(tax));
        total = "$".equals(currency) ? "$" + total : european && "\u20ac".equals(currency) ? total + " \u20ac" : "EUR " + total;
        canvas.text(bold, size + 1, labelX, y, "Total");
        canvas.textRight(bold, size + 1, valueX, y, total);
        y += lead * 2;
        canvas.text(regular, size, left, y, "Payment within " + (10 + 10 * rnd.nextInt(3)) + " days. Thank you for your business.");
        y += lead;
        if (european) {
            canvas.text(regular, size, left, y, String.format(Locale.ROOT, "IBAN DE%02d %04d %04d %04d %04d %02d",
                    rnd.nextInt(100), rnd.nextInt(10000), rnd.nextInt(10000), rnd.nextInt(10000),
                    rnd.nextInt(10000), rnd.nextInt(100)));
        } else {
            canvas.text(regular, size, left, y, "Routing " + (100000000 + rnd.nextInt(899999999)) + "   Account "
                    + (1000000 + rnd.nextInt(8999999)));
        }
    }

    private void footer(float left, float right, String company, int page, int of) throws IOException {
        float y = pageSize.getHeight() - 50;
        canvas.line(left, y - 14, right, y - 14, 0.5f);
        canvas.text(regular, Math.max(7f, size - 1), left, y, company + (european ? " \u00b7 Amtsgericht " + CITIES[page % CITIES.length] : ""));
        canvas.textRight(regular, Math.max(7f, size - 1), right, y, of > 0 ? "Page " + page + " of " + of : "Page " + page);
    }

    private void fillRect(float x, float top, float w, float h, float grey) throws IOException {
        canvas.stream().setNonStrokingColor(grey);
        canvas.stream().addRect(x, canvas.y(top) - h, w, h);
        canvas.stream().fill();
        canvas.stream().setNonStrokingColor(0f);
    }



}
