package io.numscan.ingest;

import io.numscan.geom.GrayImage;

/**
 * One page as pixels. Boxes reported for the page are in this image's pixel grid.
 *
 * @param pageNumber 1-based
 * @param dpi resolution the page was rendered or scanned at (300 for an image file that does not say)
 */
public record PageImage(String source, int pageNumber, int dpi, GrayImage image) {
    public int width() {
        return image.width();
    }

    public int height() {
        return image.height();
    }
}
