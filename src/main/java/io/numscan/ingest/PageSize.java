package io.numscan.ingest;

/**
 * The size of a page image, known without drawing it.
 *
 * @param width pixels of {@link Document#renderPage}'s image
 * @param dpi resolution of that image
 */
public record PageSize(int width, int height, int dpi) {
}
