package io.numscan.ingest;

import io.numscan.geom.GrayImage;
import io.numscan.ingest.UnreadableDocumentException.Reason;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** PNG, JPEG or (multi-page) TIFF, decoded a page at a time through ImageIO. */
final class RasterDocument implements Document {
    private static final int UNKNOWN_DPI = 300;

    private final String name;
    private final DocumentType type;
    private final ImageInputStream input;
    private final ImageReader reader;
    private final int pages;
    private final IngestLimits limits;

    private RasterDocument(String name, DocumentType type, ImageInputStream input, ImageReader reader, int pages,
            IngestLimits limits) {
        this.name = name;
        this.type = type;
        this.input = input;
        this.reader = reader;
        this.pages = pages;
        this.limits = limits;
    }

    static RasterDocument open(String name, DocumentType type, ImageInputStream input, IngestLimits limits)
            throws UnreadableDocumentException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        if (!readers.hasNext()) {
            closeQuietly(input);
            throw new UnreadableDocumentException(name, Reason.CORRUPT, "no decoder accepts this " + type + " file");
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(input, false, false);
            int pages = type == DocumentType.TIFF ? reader.getNumImages(true) : 1;
            if (pages <= 0) {
                throw new UnreadableDocumentException(name, Reason.EMPTY, type + " file holds no image");
            }
            if (pages > limits.maxPages()) {
                throw new UnreadableDocumentException(name, Reason.TOO_MANY_PAGES,
                        type + " file has " + pages + " pages, more than the limit of " + limits.maxPages());
            }
            return new RasterDocument(name, type, input, reader, pages, limits);
        } catch (IOException | RuntimeException e) {
            reader.dispose();
            closeQuietly(input);
            throw new UnreadableDocumentException(name, Reason.CORRUPT, "corrupt " + type + " file: " + PdfDocument.describe(e), e);
        } catch (UnreadableDocumentException e) {
            reader.dispose();
            closeQuietly(input);
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DocumentType type() {
        return type;
    }

    @Override
    public int pageCount() {
        return pages;
    }

    @Override
    public PageImage renderPage(int pageNumber) throws UnreadableDocumentException {
        int index = indexOf(pageNumber);
        try {
            long w = reader.getWidth(index);
            long h = reader.getHeight(index);
            if (w <= 0 || h <= 0) {
                throw new UnreadableDocumentException(name, Reason.EMPTY, "page " + pageNumber + " is an empty image (" + w + "x" + h + ")");
            }
            if (w * h > limits.maxPixelsPerPage()) {
                throw new UnreadableDocumentException(name, Reason.TOO_LARGE, String.format(
                        "page %d is %dx%d pixels, more than the limit of %d pixels", pageNumber, w, h, limits.maxPixelsPerPage()));
            }
            int dpi = readDpi(index);
            BufferedImage image = reader.read(index);
            return new PageImage(name, pageNumber, dpi, GrayImage.fromBufferedImage(image));
        } catch (IIOException e) {
            throw new UnreadableDocumentException(name, Reason.CORRUPT, "cannot decode page " + pageNumber + ": " + PdfDocument.describe(e), e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(name, Reason.CORRUPT, "cannot decode page " + pageNumber + ": " + PdfDocument.describe(e), e);
        }
    }

    private int indexOf(int pageNumber) {
        if (pageNumber < 1 || pageNumber > pages) {
            throw new IllegalArgumentException("page " + pageNumber + " out of 1.." + pages);
        }
        return pageNumber - 1;
    }

    @Override
    public PageSize pageSize(int pageNumber) throws UnreadableDocumentException {
        int index = indexOf(pageNumber);
        try {
            return new PageSize(reader.getWidth(index), reader.getHeight(index), readDpi(index));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(name, Reason.CORRUPT, "cannot read the size of page " + pageNumber + ": "
                    + PdfDocument.describe(e), e);
        }
    }

    /** Resolution from the standard metadata tree (pixel size in mm); scanners usually record it. */
    private int readDpi(int index) {
        try {
            IIOMetadata metadata = reader.getImageMetadata(index);
            if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
                return UNKNOWN_DPI;
            }
            Node root = metadata.getAsTree("javax_imageio_1.0");
            for (Node dim = root.getFirstChild(); dim != null; dim = dim.getNextSibling()) {
                if (!"Dimension".equals(dim.getNodeName())) {
                    continue;
                }
                for (Node n = dim.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if ("HorizontalPixelSize".equals(n.getNodeName())) {
                        NamedNodeMap attrs = n.getAttributes();
                        Node value = attrs == null ? null : attrs.getNamedItem("value");
                        if (value != null) {
                            double mmPerPixel = Double.parseDouble(value.getNodeValue());
                            if (mmPerPixel > 0) {
                                int dpi = (int) Math.round(25.4 / mmPerPixel);
                                if (dpi >= 50 && dpi <= 2400) {
                                    return dpi;
                                }
                            }
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Resolution is a hint only; fall through to the default.
        }
        return UNKNOWN_DPI;
    }

    @Override
    public void close() {
        reader.dispose();
        closeQuietly(input);
    }

    private static void closeQuietly(ImageInputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Read-only input.
        }
    }
}
