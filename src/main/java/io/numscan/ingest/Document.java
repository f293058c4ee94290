package io.numscan.ingest;

/** An opened document whose pages are rendered one at a time, so a long PDF never sits in memory whole. */
public interface Document extends AutoCloseable {
    String name();

    DocumentType type();

    int pageCount();

    /** @param pageNumber 1-based */
    PageImage renderPage(int pageNumber) throws UnreadableDocumentException;

    /**
     * The size {@link #renderPage} gives the page. Formats that know it without decoding the page
     * say so cheaply; the default draws the page.
     *
     * @param pageNumber 1-based
     */
    default PageSize pageSize(int pageNumber) throws UnreadableDocumentException {
        PageImage image = renderPage(pageNumber);
        return new PageSize(image.width(), image.height(), image.dpi());
    }

    /**
     * The words of the page's text layer, when it has a usable one (a PDF page with real text,
     * not an image-only scan); empty otherwise. Boxes are in the pixels of {@link #renderPage}'s image.
     * Words a program laid invisibly over a scan are included and marked {@link TextWord#invisible()};
     * whether to trust them is the caller's choice.
     *
     * @param pageNumber 1-based
     */
    default java.util.Optional<java.util.List<TextWord>> textLayer(int pageNumber) throws UnreadableDocumentException {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
