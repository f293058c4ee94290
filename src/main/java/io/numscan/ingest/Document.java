package io.numscan.ingest;

/** An opened document whose pages are rendered one at a time, so a long PDF never sits in memory whole. */
public interface Document extends AutoCloseable {
    String name();

    DocumentType type();

    int pageCount();

    /** @param pageNumber 1-based */
    PageImage renderPage(int pageNumber) throws UnreadableDocumentException;

    /**
     * The words of the page's text layer, when it has a usable one (a PDF page with real text,
     * not an image-only scan); empty otherwise. Boxes are in the pixels of {@link #renderPage}'s image.
     *
     * @param pageNumber 1-based
     */
    default java.util.Optional<java.util.List<TextWord>> textLayer(int pageNumber) throws UnreadableDocumentException {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
