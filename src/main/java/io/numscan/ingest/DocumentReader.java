package io.numscan.ingest;

import io.numscan.ingest.UnreadableDocumentException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/** Opens files or uploaded bytes as {@link Document}s, deciding the type from the content. */
public final class DocumentReader {
    private static final int SNIFF_BYTES = 1024;
    /** Image files up to this size are read into memory first (scans are a few megabytes); larger ones are streamed. */
    private static final long MAX_IMAGE_BYTES_IN_MEMORY = 64L * 1024 * 1024;

    private final IngestLimits limits;

    public DocumentReader(IngestLimits limits) {
        this.limits = limits;
        ImageIO.setUseCache(false);
    }

    public IngestLimits limits() {
        return limits;
    }

    public Document open(Path file) throws UnreadableDocumentException {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new UnreadableDocumentException(name, Reason.MISSING, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new UnreadableDocumentException(name, Reason.UNSUPPORTED_TYPE, "is a folder, not a document");
        }
        long size;
        byte[] head = new byte[SNIFF_BYTES];
        int read;
        try {
            size = Files.size(file);
            try (InputStream in = Files.newInputStream(file)) {
                read = in.readNBytes(head, 0, head.length);
            }
        } catch (NoSuchFileException e) {
            throw new UnreadableDocumentException(name, Reason.MISSING, "no such file");
        } catch (IOException e) {
            throw new UnreadableDocumentException(name, Reason.IO_ERROR, "cannot read: " + PdfDocument.describe(e), e);
        }
        checkSize(name, size);
        DocumentType type = sniff(name, head, read);
        if (type == DocumentType.PDF) {
            return PdfDocument.open(name, () -> org.apache.pdfbox.Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile())), limits);
        }
        try {
            ImageInputStream in = size <= MAX_IMAGE_BYTES_IN_MEMORY
                    ? new BytesImageInputStream(Files.readAllBytes(file))
                    : ImageIO.createImageInputStream(file.toFile());
            if (in == null) {
                throw new UnreadableDocumentException(name, Reason.IO_ERROR, "cannot open as an image stream");
            }
            return RasterDocument.open(name, type, in, limits);
        } catch (IOException e) {
            throw new UnreadableDocumentException(name, Reason.IO_ERROR, "cannot read: " + PdfDocument.describe(e), e);
        }
    }

    public Document open(String name, byte[] content) throws UnreadableDocumentException {
        checkSize(name, content.length);
        DocumentType type = sniff(name, content, Math.min(content.length, SNIFF_BYTES));
        if (type == DocumentType.PDF) {
            return PdfDocument.open(name, () -> org.apache.pdfbox.Loader.loadPDF(new RandomAccessReadBuffer(content)), limits);
        }
        return RasterDocument.open(name, type, new BytesImageInputStream(content), limits);
    }

    private void checkSize(String name, long size) throws UnreadableDocumentException {
        if (size == 0) {
            throw new UnreadableDocumentException(name, Reason.EMPTY, "file is empty (0 bytes)");
        }
        if (size > limits.maxFileBytes()) {
            throw new UnreadableDocumentException(name, Reason.TOO_LARGE,
                    "file is " + size + " bytes, more than the limit of " + limits.maxFileBytes());
        }
    }

    private static DocumentType sniff(String name, byte[] head, int length) throws UnreadableDocumentException {
        return DocumentType.sniff(head, length).orElseThrow(() -> new UnreadableDocumentException(name,
                Reason.UNSUPPORTED_TYPE, "not a PDF, PNG, JPEG or TIFF file"));
    }
}
