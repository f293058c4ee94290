package io.numscan.preprocess;

import io.numscan.geom.Box;
import io.numscan.geom.GrayImage;
import io.numscan.ingest.PageImage;
import java.util.List;

/**
 * A page cleaned for segmentation.
 *
 * @param ink binary image of the deskewed page with ruled lines removed: 255 ink, 0 paper
 * @param faintInk the same cut nearer to white, a superset of {@code ink}: it keeps the hairlines of a
 *        light face that the threshold loses, and fuses bold print that it keeps apart
 * @param darkInk the same cut nearer to black, a subset of {@code ink}: it keeps apart blurred
 *        print that the threshold runs together, and loses hairlines
 * @param deskewDegrees the rotation applied to straighten the page (counter-clockwise positive, as OpenCV),
 *        a quarter turn included for a page given on its side or upside down (about 90, -90 or 180)
 * @param cells boxes enclosed by ruled lines (table cells, form fields) in the deskewed page
 * @param toPage maps deskewed coordinates back onto {@code page}
 */
public record PreparedPage(PageImage page, GrayImage ink, GrayImage faintInk, GrayImage darkInk, double deskewDegrees, List<Box> cells, PageTransform toPage) {
    public PreparedPage {
        cells = List.copyOf(cells);
    }

    public int width() {
        return ink.width();
    }

    public int height() {
        return ink.height();
    }
}
