package io.numscan.ingest;

/** An opened document whose pages are rendered one at a time, so a long PDF never sits in memory whole. */
public interface Document extends AutoCloseable {
    String name();

    DocumentType type();

    int pageCount();

    /** @param pageNumber 1-based */
    PageImage renderPage(int pageNumber) throws UnreadableDocumentException;

    @Override
    void close();
}
