package io.numscan.ingest;

import io.numscan.geom.GrayImage;
import io.numscan.ingest.UnreadableDocumentException.Reason;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
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
        if (pageNumber < 1 || pageNumber > pageCount()) {
            throw new IllegalArgumentException("page " + pageNumber + " out of 1.." + pageCount());
        }
        int dpi = limits.renderDpi();
        try {
            PDPage page = pdf.getPage(pageNumber - 1);
            PDRectangle crop = page.getCropBox();
            boolean quarterTurn = page.getRotation() % 180 != 0;
            double widthPt = quarterTurn ? crop.getHeight() : crop.getWidth();
            double heightPt = quarterTurn ? crop.getWidth() : crop.getHeight();
            // PDFBox sizes its render the same way (floor of points x scale).
            long w = (long) Math.floor(widthPt * dpi / 72.0);
            long h = (long) Math.floor(heightPt * dpi / 72.0);
            if (w <= 0 || h <= 0) {
                throw new UnreadableDocumentException(name, Reason.CORRUPT, "page " + pageNumber + " has an empty page box");
            }
            if (w * h > limits.maxPixelsPerPage()) {
                throw new UnreadableDocumentException(name, Reason.TOO_LARGE, String.format(
                        "page %d would be %dx%d pixels at %d DPI, more than the limit of %d pixels",
                        pageNumber, w, h, dpi, limits.maxPixelsPerPage()));
            }
            BufferedImage image = renderer.renderImageWithDPI(pageNumber - 1, dpi, ImageType.GRAY);
            return new PageImage(name, pageNumber, dpi, GrayImage.fromBufferedImage(image));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(name, Reason.CORRUPT,
                    "cannot render page " + pageNumber + ": " + describe(e), e);
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
