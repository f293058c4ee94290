package io.numscan.synth;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes scanned pages the way scanners and fax software do: PNG, multi-page TIFF in grey
 * (Deflate) or bilevel (CCITT Group 4, as fax), and image-only PDF (lossless or JPEG), all with
 * their resolution recorded. Also gives a page JPEG artefacts by a round trip through the codec.
 */
final class ImageFiles {
    private ImageFiles() {
    }

    static void png(BufferedImage page, int dpi, Path file) throws IOException {
        write("png", List.of(page), dpi, null, file);
    }

    static void greyTiff(List<BufferedImage> pages, int dpi, Path file) throws IOException {
        write("tiff", pages, dpi, "Deflate", file);
    }

    /** Thresholds each page at {@code threshold} and writes them as a CCITT T.6 (Group 4) fax TIFF. */
    static void faxTiff(List<BufferedImage> pages, int dpi, int threshold, Path file) throws IOException {
        List<BufferedImage> bilevel = pages.stream().map(p -> bilevel(p, threshold)).toList();
        write("tiff", bilevel, dpi, "CCITT T.6", file);
    }

    /** An image-only PDF, one image per page sized by its resolution; {@code jpegQuality} &lt; 0 means lossless. */
    static void imagePdf(List<BufferedImage> pages, int dpi, float jpegQuality, Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (BufferedImage img : pages) {
                float w = img.getWidth() * 72f / dpi;
                float h = img.getHeight() * 72f / dpi;
                PDPage page = new PDPage(new PDRectangle(w, h));
                doc.addPage(page);
                PDImageXObject x = jpegQuality < 0 ? LosslessFactory.createFromImage(doc, img)
                        : JPEGFactory.createFromImage(doc, img, jpegQuality);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(x, 0, 0, w, h);
                }
            }
            doc.getDocumentInformation().setCreator("NumScan corpus generator (scanned)");
            doc.save(file.toFile());
        }
    }

    /** The page after JPEG compression at {@code quality} (0..1): blocking and ringing around strokes. */
    static BufferedImage jpegArtefacts(BufferedImage page, float quality) throws IOException {
        ImageWriter writer = writer("jpeg");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(page, null, null), param);
        } finally {
            writer.dispose();
        }
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        if (decoded.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return decoded;
        }
        BufferedImage grey = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(decoded, 0, 0, null);
        return grey;
    }

    static BufferedImage bilevel(BufferedImage grey, int threshold) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        byte[] src = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        var raster = out.getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                row[x] = (src[y * w + x] & 0xff) >= threshold ? 1 : 0;
            }
            raster.setSamples(0, y, w, 1, 0, row);
        }
        return out;
    }

    private static final String PNG_FORMAT = "javax_imageio_png_1.0";

    private static void write(String format, List<BufferedImage> pages, int dpi, String compression, Path file)
            throws IOException {
        ImageWriter writer = writer(format);
        try (OutputStream os = Files.newOutputStream(file);
                ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (compression != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression);
            } else if (param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0f);
            }
            boolean sequence = pages.size() > 1;
            if (sequence) {
                writer.prepareWriteSequence(null);
            }
            for (BufferedImage page : pages) {
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page), param);
                setResolution(metadata, dpi);
                if (format.equals("tiff")) {
                    metadata = withStripsOfAbout8Kb(metadata, page);
                }
                IIOImage image = new IIOImage(page, null, metadata);
                if (sequence) {
                    writer.writeToSequence(image, param);
                } else {
                    writer.write(null, image, param);
                }
            }
            if (sequence) {
                writer.endWriteSequence();
            }
        } finally {
            writer.dispose();
        }
    }

    /** Bytes of uncompressed pixels per TIFF strip: libtiff's default, and what scanners and fax software write. */
    private static final int STRIP_BYTES = 8192;

    /**
     * The TIFF metadata with RowsPerStrip set. Given metadata, the JDK's writer otherwise puts every
     * row in a strip of its own, which no scanner does: a fax page of 3,500 one-row strips restarts
     * its Group 4 coding on each row, is 3 to 7 times larger and decodes about 20 times slower.
     */
    private static IIOMetadata withStripsOfAbout8Kb(IIOMetadata metadata, BufferedImage page) throws IOException {
        int bitsPerPixel = page.getColorModel().getPixelSize();
        long bytesPerRow = Math.max(1, ((long) page.getWidth() * bitsPerPixel + 7) / 8);
        int rows = (int) Math.max(1, Math.min(page.getHeight(), STRIP_BYTES / bytesPerRow));
        try {
            TIFFDirectory directory = TIFFDirectory.createFromMetadata(metadata);
            directory.addTIFFField(new TIFFField(
                    BaselineTIFFTagSet.getInstance().getTag(BaselineTIFFTagSet.TAG_ROWS_PER_STRIP), rows));
            return directory.getAsMetadata();
        } catch (IIOInvalidTreeException e) {
            throw new IOException("cannot set the TIFF's rows per strip", e);
        }
    }

    private static void setResolution(IIOMetadata metadata, int dpi) throws IOException {
        if (Arrays.asList(metadata.getMetadataFormatNames()).contains(PNG_FORMAT)) {
            setPngResolution(metadata, dpi);
            return;
        }
        String mm = String.format(Locale.ROOT, "%.6f", 25.4 / dpi);
        IIOMetadataNode horizontal = new IIOMetadataNode("HorizontalPixelSize");
        horizontal.setAttribute("value", mm);
        IIOMetadataNode vertical = new IIOMetadataNode("VerticalPixelSize");
        vertical.setAttribute("value", mm);
        IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
        dimension.appendChild(horizontal);
        dimension.appendChild(vertical);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
        root.appendChild(dimension);
        try {
            metadata.mergeTree("javax_imageio_1.0", root);
        } catch (IIOInvalidTreeException e) {
            throw new IOException("cannot record the resolution", e);
        }
    }

    /**
     * The JDK's PNG writer stores the standard tree's pixel size in mm as if it were pixels per
     * metre (0.127 mm becomes 127 px/m, i.e. 3 DPI), so the PNG's own pHYs chunk is written instead.
     */
    private static void setPngResolution(IIOMetadata metadata, int dpi) throws IOException {
        String pixelsPerMetre = Long.toString(Math.round(dpi / 0.0254));
        IIOMetadataNode physical = new IIOMetadataNode("pHYs");
        physical.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
        physical.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
        physical.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode(PNG_FORMAT);
        root.appendChild(physical);
        try {
            metadata.mergeTree(PNG_FORMAT, root);
        } catch (IIOInvalidTreeException e) {
            throw new IOException("cannot record the resolution", e);
        }
    }

    private static ImageWriter writer(String format) throws IOException {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(format);
        if (!it.hasNext()) {
            throw new IOException("no " + format + " writer");
        }
        return it.next();
    }
}
