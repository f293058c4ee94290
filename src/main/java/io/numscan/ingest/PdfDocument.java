package io.numscan.ingest;

import io.numscan.geom.GrayImage;
import io.numscan.ingest.UnreadableDocumentException.Reason;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** A PDF whose pages are rendered on demand at the configured DPI. */
final class PdfDocument implements Document {
    private final String name;
    private final PDDocument pdf;
    private final PDFRenderer renderer;
    private final IngestLimits limits;

    private PdfDocument(String name, PDDocument pdf, IngestLimits limits) {
        this.name = name;
        this.pdf = pdf;
        this.limits = limits;
        this.renderer = new PDFRenderer(pdf);
        // Subsampling would blur small print; numbers need every pixel.
        this.renderer.setSubsamplingAllowed(false);
    }

    static PdfDocument open(String name, PdfLoader loader, IngestLimits limits) throws UnreadableDocumentException {
        PDDocument pdf;
        try {
            pdf = loader.load();
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException(name, Reason.ENCRYPTED, "PDF is password-protected");
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(name, Reason.CORRUPT, "corrupt PDF: " + describe(e), e);
        }
        try {
            int pages = pdf.getNumberOfPages();
            if (pages == 0) {
                throw new UnreadableDocumentException(name, Reason.EMPTY, "PDF has no pages");
            }
            if (pages > limits.maxPages()) {
                throw new UnreadableDocumentException(name, Reason.TOO_MANY_PAGES,
                        "PDF has " + pages + " pages, more than the limit of " + limits.maxPages());
            }
            return new PdfDocument(name, pdf, limits);
        } catch (UnreadableDocumentException | RuntimeException e) {
            closeQuietly(pdf);
            if (e instanceof UnreadableDocumentException u) {
                throw u;
            }
            throw new UnreadableDocumentException(name, Reason.CORRUPT, "corrupt PDF: " + describe(e), e);
        }
    }

    @FunctionalInterface
    interface PdfLoader {
        PDDocument load() throws IOException;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DocumentType type() {
        return DocumentType.PDF;
    }

    @Override
    public int pageCount() {
        return pdf.getNumberOfPages();
    }

    @Override
    public PageImage renderPage(int pageNumber) throws UnreadableDocumentException {
        checkPageNumber(pageNumber);
        int dpi = limits.renderDpi();
        try {
            PagePixels pixels = pixels(pageNumber);
            checkSize(pageNumber, pixels);
            Optional<GrayImage> scan = ScannedPage.samples(pdf.getPage(pageNumber - 1), pixels);
            if (scan.isPresent()) {
                return new PageImage(name, pageNumber, dpi, scan.get());
            }
            BufferedImage image = renderer.renderImageWithDPI(pageNumber - 1, dpi, ImageType.GRAY);
            return new PageImage(name, pageNumber, dpi, GrayImage.fromBufferedImage(image));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(name, Reason.CORRUPT,
                    "cannot render page " + pageNumber + ": " + describe(e), e);
        }
    }

    @Override
    public PageSize pageSize(int pageNumber) throws UnreadableDocumentException {
        checkPageNumber(pageNumber);
        try {
            PagePixels p = pixels(pageNumber);
            checkSize(pageNumber, p);
            return new PageSize((int) p.width(), (int) p.height(), limits.renderDpi());
        } catch (RuntimeException e) {
            throw new UnreadableDocumentException(name, Reason.CORRUPT,
                    "cannot read the size of page " + pageNumber + ": " + describe(e), e);
        }
    }

    /**
     * The page's words, when its text layer is usable: it draws text, and at least
     * {@value TextLayerReader#MIN_MAPPED_SHARE} of the glyphs map to Unicode (a PDF made from
     * scans has none; one with fonts lacking a Unicode map gives codes, not characters). A content
     * stream PDFBox cannot follow counts as no usable layer, so the page can still be read from
     * its pixels. Invisible words (an OCR layer over a scan) are included, marked as such.
     */
    @Override
    public Optional<List<TextWord>> textLayer(int pageNumber) throws UnreadableDocumentException {
        PageSize size = pageSize(pageNumber);
        try {
            TextLayerReader.Result layer = TextLayerReader.read(pdf, pageNumber, size.dpi());
            return layer.usable() ? Optional.of(layer.words()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private PagePixels pixels(int pageNumber) {
        return PagePixels.of(pdf.getPage(pageNumber - 1), limits.renderDpi());
    }

    private void checkPageNumber(int pageNumber) {
        if (pageNumber < 1 || pageNumber > pageCount()) {
            throw new IllegalArgumentException("page " + pageNumber + " out of 1.." + pageCount());
        }
    }

    private void checkSize(int pageNumber, PagePixels p) throws UnreadableDocumentException {
        long w = p.width();
        long h = p.height();
        if (w <= 0 || h <= 0) {
            throw new UnreadableDocumentException(name, Reason.CORRUPT, "page " + pageNumber + " has an empty page box");
        }
        if (w * h > limits.maxPixelsPerPage()) {
            throw new UnreadableDocumentException(name, Reason.TOO_LARGE, String.format(
                    "page %d would be %dx%d pixels at %d DPI, more than the limit of %d pixels",
                    pageNumber, w, h, limits.renderDpi(), limits.maxPixelsPerPage()));
        }
    }

    @Override
    public void close() {
        closeQuietly(pdf);
    }

    private static void closeQuietly(PDDocument pdf) {
        try {
            pdf.close();
        } catch (IOException ignored) {
            // Nothing useful to do: the document was only read.
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
