package io.numscan.synth;

import io.numscan.train.data.DigitSet;
import io.numscan.train.data.DigitSplits;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Generates the sample documents of {@code samples/} and their expected numbers, deterministically:
 *
 * <ul>
 *   <li>{@code invoice.pdf}: a one-page A4 vector invoice with embedded fonts;</li>
 *   <li>{@code invoice-scan.png}: that page at 300 DPI in grey, made to look scanned;</li>
 *   <li>{@code handwritten-form.png}: a 300-DPI form filled in with handwritten test-split digits;</li>
 *   <li>{@code <name>.expected.json} for each: every number token and its box in 300-DPI pixels.</li>
 * </ul>
 *
 * <p>Usage: {@code SampleDocuments OUTPUT_DIR [DATA_DIR]}; DATA_DIR (default {@code data}) holds the
 * digit splits made by {@code data/convert-mnist.mjs}.
 */
public final class SampleDocuments {

    public static final int DPI = 300;
    public static final long FORM_SEED = 76L;
    public static final String INVOICE_PDF = "invoice.pdf";
    public static final String INVOICE_SCAN = "invoice-scan.png";
    public static final String FORM = "handwritten-form.png";
    public static final List<String> SAMPLES = List.of(INVOICE_PDF, INVOICE_SCAN, FORM);

    private final Path dataDir;

    public SampleDocuments(Path dataDir) {
        this.dataDir = dataDir;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || args[0].startsWith("-")) {
            System.err.println("usage: SampleDocuments OUTPUT_DIR [DATA_DIR]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Path data = Path.of(args.length > 1 ? args[1] : "data");
        for (Path p : new SampleDocuments(data).generate(out)) {
            System.out.println("wrote " + p);
        }
    }

    /** The name of the expected-numbers file of a sample. */
    public static String expectedName(String sample) {
        return sample + ".expected.json";
    }

    /** Writes all samples and their expected files into {@code out}; returns the files written. */
    public List<Path> generate(Path out) throws IOException {
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        written.addAll(invoice(out));
        written.addAll(form(out));
        return written;
    }

    private List<Path> invoice(Path out) throws IOException {
        Path pdf = out.resolve(INVOICE_PDF);
        List<InvoiceDocument.TokenBox> tokens = new InvoiceDocument().write(pdf);
        BufferedImage page;
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            page = new PDFRenderer(doc).renderImageWithDPI(0, DPI, ImageType.GRAY);
        }
        int w = page.getWidth();
        int h = page.getHeight();
        double k = DPI / 72.0;

        List<Expected.Number> clean = new ArrayList<>();
        List<Expected.Number> scanned = new ArrayList<>();
        List<PixelBox> scanBoxes = new ArrayList<>();
        ScanEffects effects = new ScanEffects(ScanEffects.DEFAULT);
        AffineTransform rot = effects.rotation(w, h);
        for (InvoiceDocument.TokenBox t : tokens) {
            Rectangle2D b = t.box();
            PixelBox px = PixelBox.enclosing(new Rectangle2D.Double(
                    b.getX() * k, b.getY() * k, b.getWidth() * k, b.getHeight() * k));
            clean.add(new Expected.Number(t.value(), px));
            PixelBox rotated = px.transformed(rot);
            scanned.add(new Expected.Number(t.value(), rotated));
            scanBoxes.add(rotated);
        }
        Path pdfJson = out.resolve(expectedName(INVOICE_PDF));
        Expected.write(new Expected.Document(INVOICE_PDF, List.of(new Expected.Page(1, w, h, clean))), pdfJson);

        BufferedImage scan = effects.apply(page, scanBoxes);
        Path png = out.resolve(INVOICE_SCAN);
        writePng(scan, png);
        Path scanJson = out.resolve(expectedName(INVOICE_SCAN));
        Expected.write(new Expected.Document(INVOICE_SCAN, List.of(new Expected.Page(1, w, h, scanned))), scanJson);
        return List.of(pdf, pdfJson, png, scanJson);
    }

    private List<Path> form(Path out) throws IOException {
        DigitSet test = DigitSplits.load(dataDir, DigitSplits.TEST);
        HandwrittenForm form = new HandwrittenForm(test, FORM_SEED);
        BufferedImage img = form.render();
        Path png = out.resolve(FORM);
        writePng(img, png);
        List<Expected.Number> numbers = new ArrayList<>();
        for (HandwrittenForm.FilledField f : form.fields()) {
            numbers.add(new Expected.Number(f.value(), f.box(), f.sourceDigits()));
        }
        Path json = out.resolve(expectedName(FORM));
        Expected.write(new Expected.Document(FORM, List.of(
                new Expected.Page(1, img.getWidth(), img.getHeight(), numbers))), json);
        return List.of(png, json);
    }

    /** Writes a PNG with the strongest compression the JDK's writer has. */
    public static void writePng(BufferedImage img, Path file) throws IOException {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("png");
        if (!it.hasNext()) {
            throw new IOException("no PNG writer");
        }
        ImageWriter writer = it.next();
        try (OutputStream os = Files.newOutputStream(file);
                ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0f);
            }
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
