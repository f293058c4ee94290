package io.numscan.synth;

import io.numscan.train.data.DigitSet;
import io.numscan.train.data.DigitSplits;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A labelled corpus of documents, deterministic from a seed, for measuring the reader on
 * documents like real ones. Each invoice is written three times: as a vector PDF, as a 300-DPI
 * scan and as a 200-DPI scan; each form once, as a 300-DPI scan. Scans get a rotation up to
 * 3 degrees, noise, blur, uneven light, specks and, for some, JPEG artefacts, and are saved as
 * PNG, multi-page grey TIFF, bilevel fax TIFF (Group 4) or image-only PDF.
 *
 * <p>Next to every document, {@code <file>.expected.json} gives its category and every
 * digit-bearing token per page as printed ({@link io.numscan.assemble.NumberTokens}), boxed in the pixels of the page as
 * NumScan reads it: the image's own pixels for images, a 300-DPI render for PDFs.
 */
public final class CorpusGenerator {

    /** The categories documents are scored in. */
    public static final String VECTOR = "vector-pdf";
    public static final String SCAN_300 = "scan-300";
    public static final String SCAN_200 = "scan-200";
    public static final String HANDWRITTEN = "handwritten";
    public static final List<String> CATEGORIES = List.of(VECTOR, SCAN_300, SCAN_200, HANDWRITTEN);

    /** The resolution PDFs are read at by default, so vector truths are in that grid. */
    public static final int PDF_DPI = 300;

    private final Path dataDir;

    public CorpusGenerator(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** What was written: each document with its category and page count. */
    public record Written(Path file, String category, int pages) {
    }

    /**
     * Writes {@code invoices} invoices (each in three categories) and {@code forms} forms filled
     * with test-split digits into {@code out}. The same seed and counts give the same documents.
     */
    public List<Written> generate(Path out, long seed, int invoices, int forms) throws IOException {
        return generate(out, seed, invoices, forms, DigitSplits.TEST);
    }

    /**
     * The same, with the forms filled from {@code formSplit}: forms of validation digits are for
     * tuning what reads handwriting, so that the test digits stay unseen until it is measured.
     */
    public List<Written> generate(Path out, long seed, int invoices, int forms, String formSplit) throws IOException {
        if (!DigitSplits.SPLITS.contains(formSplit)) {
            throw new IllegalArgumentException("no digit split named " + formSplit + "; one of " + DigitSplits.SPLITS);
        }
        Files.createDirectories(out);
        List<Written> written = new ArrayList<>();
        for (int i = 0; i < invoices; i++) {
            written.addAll(invoice(out, mix(seed * 1_000_003L + i), String.format(Locale.ROOT, "invoice-%03d", i)));
        }
        if (forms > 0) {
            DigitSet digits = DigitSplits.load(dataDir, formSplit);
            for (int i = 0; i < forms; i++) {
                written.add(form(out, digits, mix(seed * 7_000_003L + i), String.format(Locale.ROOT, "form-%03d", i)));
            }
        }
        return written;
    }

    /**
     * A well-mixed seed per document: {@link Random}'s first draws from nearby seeds are nearly
     * equal, which would give every document the same font and file format.
     */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private List<Written> invoice(Path out, long seed, String name) throws IOException {
        Path pdf = out.resolve(name + ".pdf");
        VariedInvoice.Drawn drawn = new VariedInvoice(seed).write(pdf, name);
        List<Written> written = new ArrayList<>();
        Random rnd = new Random(mix(seed + 1));

        List<Expected.Page> vectorPages = new ArrayList<>();
        List<BufferedImage> renders300 = new ArrayList<>();
        List<BufferedImage> renders200 = new ArrayList<>();
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                renders300.add(new PDFRenderer(doc).renderImageWithDPI(p, PDF_DPI, ImageType.GRAY));
                renders200.add(new PDFRenderer(doc).renderImageWithDPI(p, 200, ImageType.GRAY));
            }
        }
        for (int p = 0; p < renders300.size(); p++) {
            BufferedImage r = renders300.get(p);
            vectorPages.add(new Expected.Page(p + 1, r.getWidth(), r.getHeight(),
                    numbers(drawn.pages().get(p), PDF_DPI, null)));
        }
        Expected.write(new Expected.Document(pdf.getFileName().toString(), VECTOR, vectorPages),
                out.resolve(SampleDocuments.expectedName(pdf.getFileName().toString())));
        written.add(new Written(pdf, VECTOR, vectorPages.size()));

        written.add(scan(out, name + "-300", SCAN_300, renders300, 300, drawn.pages(), rnd));
        written.add(scan(out, name + "-200", SCAN_200, renders200, 200, drawn.pages(), rnd));
        return written;
    }

    /** Degrades the renders like a scanner would and writes them in a randomly chosen file format. */
    private Written scan(Path out, String stem, String category, List<BufferedImage> renders, int dpi,
            List<List<InvoiceDocument.TokenBox>> tokens, Random rnd) throws IOException {
        List<BufferedImage> scans = new ArrayList<>();
        List<Expected.Page> pages = new ArrayList<>();
        // Format: PNG for one page; else grey TIFF, fax TIFF or image-only PDF.
        int format = renders.size() == 1 ? rnd.nextInt(4) : 1 + rnd.nextInt(3);
        boolean fax = format == 2;
        float jpeg = rnd.nextInt(3) == 0 ? 0.55f + rnd.nextFloat() * 0.35f : -1f;
        for (int p = 0; p < renders.size(); p++) {
            BufferedImage page = renders.get(p);
            ScanEffects.Settings settings = new ScanEffects.Settings(
                    (rnd.nextDouble() * 2 - 1) * 3.0,
                    fax ? 2 + rnd.nextDouble() * 4 : 3 + rnd.nextDouble() * 10,
                    rnd.nextInt(80),
                    rnd.nextDouble() * 0.25,
                    1.0 + rnd.nextDouble() * 0.08,
                    rnd.nextInt(4) == 0 ? 2 : 1,
                    rnd.nextLong());
            ScanEffects effects = new ScanEffects(settings);
            AffineTransform rotation = effects.rotation(page.getWidth(), page.getHeight());
            List<Expected.Number> numbers = numbers(tokens.get(p), dpi, rotation);
            List<PixelBox> keepClear = numbers.stream()
                    .map(n -> new PixelBox(n.x(), n.y(), n.width(), n.height())).toList();
            BufferedImage scan = effects.apply(page, keepClear);
            if (jpeg > 0 && !fax) {
                scan = ImageFiles.jpegArtefacts(scan, jpeg);
            }
            scans.add(scan);
            pages.add(new Expected.Page(p + 1, scan.getWidth(), scan.getHeight(), numbers));
        }
        Path file;
        switch (format) {
            case 0 -> {
                file = out.resolve(stem + ".png");
                ImageFiles.png(scans.get(0), dpi, file);
            }
            case 1 -> {
                file = out.resolve(stem + ".tif");
                ImageFiles.greyTiff(scans, dpi, file);
            }
            case 2 -> {
                file = out.resolve(stem + "-fax.tif");
                ImageFiles.faxTiff(scans, dpi, 150, file);
            }
            default -> {
                file = out.resolve(stem + "-scan.pdf");
                ImageFiles.imagePdf(scans, dpi, jpeg, file);
                // NumScan renders PDFs at 300 DPI, so the truth is given in that grid.
                pages = rescale(pages, PDF_DPI / (double) dpi, scans);
            }
        }
        Expected.write(new Expected.Document(file.getFileName().toString(), category, pages),
                out.resolve(SampleDocuments.expectedName(file.getFileName().toString())));
        return new Written(file, category, pages.size());
    }

    private static List<Expected.Page> rescale(List<Expected.Page> pages, double k, List<BufferedImage> scans) {
        List<Expected.Page> out = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            Expected.Page page = pages.get(p);
            List<Expected.Number> numbers = page.numbers().stream().map(n -> new Expected.Number(n.value(),
                    PixelBox.enclosing(new Rectangle2D.Double(n.x() * k, n.y() * k, n.width() * k, n.height() * k))))
                    .toList();
            int w = (int) Math.floor(scans.get(p).getWidth() * k);
            int h = (int) Math.floor(scans.get(p).getHeight() * k);
            out.add(new Expected.Page(page.page(), w, h, numbers));
        }
        return out;
    }

    /** Token boxes from points to pixels at {@code dpi}, then through the scan's rotation if any. */
    private static List<Expected.Number> numbers(List<InvoiceDocument.TokenBox> tokens, int dpi, AffineTransform rotation) {
        double k = dpi / 72.0;
        List<Expected.Number> out = new ArrayList<>();
        for (InvoiceDocument.TokenBox t : tokens) {
            Rectangle2D b = t.box();
            PixelBox px = PixelBox.enclosing(new Rectangle2D.Double(b.getX() * k, b.getY() * k,
                    b.getWidth() * k, b.getHeight() * k));
            out.add(new Expected.Number(t.value(), rotation == null ? px : px.transformed(rotation)));
        }
        return out;
    }

    private Written form(Path out, DigitSet digits, long seed, String name) throws IOException {
        VariedForm form = new VariedForm(digits, seed);
        BufferedImage page = form.render();
        Random rnd = new Random(mix(seed + 1));
        // Forms come from a desk scanner: milder than the invoices' worst, but never perfectly straight.
        ScanEffects.Settings settings = new ScanEffects.Settings((rnd.nextDouble() * 2 - 1) * 2.0,
                2 + rnd.nextDouble() * 8, rnd.nextInt(40), rnd.nextDouble() * 0.15, 1.0 + rnd.nextDouble() * 0.06,
                1, rnd.nextLong());
        ScanEffects effects = new ScanEffects(settings);
        AffineTransform rotation = effects.rotation(page.getWidth(), page.getHeight());
        List<Expected.Number> numbers = new ArrayList<>();
        for (VariedForm.Item item : form.items()) {
            numbers.add(new Expected.Number(item.value(), item.box().transformed(rotation), item.sourceDigits()));
        }
        List<PixelBox> keepClear = numbers.stream().map(n -> new PixelBox(n.x(), n.y(), n.width(), n.height())).toList();
        BufferedImage scan = effects.apply(page, keepClear);
        boolean tiff = rnd.nextInt(3) == 0;
        Path file = out.resolve(name + (tiff ? ".tif" : ".png"));
        if (tiff) {
            ImageFiles.greyTiff(List.of(scan), 300, file);
        } else {
            ImageFiles.png(scan, 300, file);
        }
        Expected.write(new Expected.Document(file.getFileName().toString(), HANDWRITTEN,
                List.of(new Expected.Page(1, scan.getWidth(), scan.getHeight(), numbers))),
                out.resolve(SampleDocuments.expectedName(file.getFileName().toString())));
        return new Written(file, HANDWRITTEN, 1);
    }
}
