package io.numscan.ingest;

import java.util.Optional;

/** The file types NumScan reads, recognised by their leading bytes rather than by file name. */
public enum DocumentType {
    PDF, PNG, JPEG, TIFF;

    private static final int PDF_HEADER_SEARCH = 1024;

    public static Optional<DocumentType> sniff(byte[] head, int length) {
        if (length >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return Optional.of(PNG);
        }
        if (length >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (length >= 4 && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0)
                || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42))) {
            return Optional.of(TIFF);
        }
        // PDF readers accept junk before the header; so does PDFBox.
        int limit = Math.min(length, PDF_HEADER_SEARCH) - 5;
        for (int i = 0; i <= limit; i++) {
            if (head[i] == '%' && head[i + 1] == 'P' && head[i + 2] == 'D' && head[i + 3] == 'F' && head[i + 4] == '-') {
                return Optional.of(PDF);
            }
        }
        return Optional.empty();
    }

    /** Extensions that folder walks pick up; content is still sniffed before anything is read. */
    public static boolean hasSupportedExtension(String fileName) {
        String n = fileName.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".pdf") || n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg")
                || n.endsWith(".tif") || n.endsWith(".tiff");
    }
}
