package io.numscan.synth.fields;

import io.numscan.output.CsvOutput;
import io.numscan.synth.SampleDocuments;
import io.numscan.synth.ScanEffects;
import io.numscan.train.data.DigitSet;
import io.numscan.train.data.DigitSplits;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Documents for {@code numscan extract} and the values it should give, deterministically from a
 * first seed: for each i, {@code invoice-i.pdf} (vector), {@code invoice-i-scan.png} (that page
 * at 300 DPI made to look scanned), {@code form-i.png} (a form filled in on screen) and
 * {@code form-i-scan.png} (that form scanned), plus {@code expected.csv}:
 * {@code file,template,kind,<invoice fields>,<form fields>}, the columns of the extract CSV
 * without confidences and warnings.
 */
public final class FieldCorpus {
    public static final String EXPECTED = "expected.csv";
    public static final String INVOICE_TEMPLATE = "northwind-invoice";
    public static final String FORM_TEMPLATE = "delivery-receipt-4417";

    /** One document and the values expected from it. */
    public record Entry(String file, String template, String kind, Map<String, String> values) {
    }

    private final Path dataDir;

    public FieldCorpus(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The columns of {@code expected.csv}. */
    public static List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("file", "template", "kind"));
        columns.addAll(FieldInvoice.FIELDS);
        columns.addAll(FieldForm.FIELDS);
        return columns;
    }

    /**
     * Writes {@code count} documents of each kind into {@code out}; returns the files written.
     *
     * @param smallest PNGs as small as the JDK's writer makes them (for committed samples), else
     *     written several times faster (a noisy scan costs seconds to compress hard)
     */
    public List<Path> generate(Path out, int count, long firstSeed, boolean smallest) throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        Files.createDirectories(out);
        DigitSet test = DigitSplits.load(dataDir, DigitSplits.TEST);
        List<Path> written = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            long seed = firstSeed + i;
            FieldInvoice invoice = new FieldInvoice(seed);
            Path pdf = out.resolve("invoice-" + i + ".pdf");
            invoice.write(pdf);
            written.add(pdf);
            entries.add(new Entry(pdf.getFileName().toString(), INVOICE_TEMPLATE, "vector", invoice.truth()));
            Path scan = out.resolve("invoice-" + i + "-scan.png");
            writePng(scanned(render(pdf), seed), scan, smallest);
            written.add(scan);
            entries.add(new Entry(scan.getFileName().toString(), INVOICE_TEMPLATE, "scan", invoice.truth()));

            FieldForm form = new FieldForm(test, seed);
            BufferedImage filled = form.render();
            Path png = out.resolve("form-" + i + ".png");
            writePng(filled, png, smallest);
            written.add(png);
            entries.add(new Entry(png.getFileName().toString(), FORM_TEMPLATE, "clean", form.truth()));
            Path formScan = out.resolve("form-" + i + "-scan.png");
            writePng(scanned(filled, seed), formScan, smallest);
            written.add(formScan);
            entries.add(new Entry(formScan.getFileName().toString(), FORM_TEMPLATE, "scan", form.truth()));
        }
        Path csv = out.resolve(EXPECTED);
        writeExpected(entries, csv);
        written.add(csv);
        return written;
    }

    private static void writePng(BufferedImage image, Path file, boolean smallest) throws IOException {
        if (smallest) {
            SampleDocuments.writePng(image, file);
        } else if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    private static BufferedImage render(Path pdf) throws IOException {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new PDFRenderer(doc).renderImageWithDPI(0, SampleDocuments.DPI, ImageType.GRAY);
        }
    }

    /** The page as a scanner gives it: a tilt of up to 1.5 degrees either way, specks, blur, noise and uneven light. */
    private static BufferedImage scanned(BufferedImage page, long seed) {
        java.util.Random rnd = new java.util.Random(seed * 31 + 7);
        double angle = (rnd.nextDouble() * 2 - 1) * 1.5;
        ScanEffects.Settings d = ScanEffects.DEFAULT;
        ScanEffects effects = new ScanEffects(new ScanEffects.Settings(angle, d.noiseSigma(), d.specks(), d.lightingDrop(),
                d.whiteGain(), d.blurPasses(), seed));
        return effects.apply(page, List.of());
    }

    static void writeExpected(List<Entry> entries, Path csv) throws IOException {
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(String.join(",", columns()));
            w.write('\n');
            for (Entry e : entries) {
                List<String> cells = new ArrayList<>(List.of(e.file(), e.template(), e.kind()));
                for (String c : columns().subList(3, columns().size())) {
                    cells.add(e.values().getOrDefault(c, ""));
                }
                w.write(String.join(",", cells.stream().map(CsvOutput::field).toList()));
                w.write('\n');
            }
        }
    }
}
