package io.numscan.ingest;

/**
 * Guards applied before any decoding, so a hostile or absurd file is refused instead of
 * exhausting memory.
 *
 * @param renderDpi resolution PDF pages are rendered at
 * @param maxPixelsPerPage refused beyond this many pixels on one page image
 * @param maxPages refused beyond this many pages in one document
 * @param maxFileBytes refused beyond this many bytes of input
 */
public record IngestLimits(int renderDpi, long maxPixelsPerPage, int maxPages, long maxFileBytes) {
    public static final IngestLimits DEFAULT = new IngestLimits(300, 60_000_000L, 2_000, 512L * 1024 * 1024);

    public IngestLimits {
        if (renderDpi < 36 || renderDpi > 1200) {
            throw new IllegalArgumentException("render DPI must be between 36 and 1200, was " + renderDpi);
        }
        if (maxPixelsPerPage < 1 || maxPages < 1 || maxFileBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public IngestLimits withRenderDpi(int dpi) {
        return new IngestLimits(dpi, maxPixelsPerPage, maxPages, maxFileBytes);
    }

    public IngestLimits withMaxPages(int pages) {
        return new IngestLimits(renderDpi, maxPixelsPerPage, pages, maxFileBytes);
    }

    public IngestLimits withMaxPixelsPerPage(long pixels) {
        return new IngestLimits(renderDpi, pixels, maxPages, maxFileBytes);
    }
}
