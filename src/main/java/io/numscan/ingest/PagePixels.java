package io.numscan.ingest;

import java.awt.geom.Point2D;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Where a point of a PDF page's user space lands in the page image {@link PDFRenderer} draws at
 * a given DPI: the crop box's lower-left corner moved to the origin, y turned downward, then the
 * page's /Rotate applied clockwise, as PDFBox's renderer does it.
 *
 * @param width image width in pixels (what the renderer allocates)
 * @param height image height in pixels
 */
record PagePixels(double left, double bottom, double widthPt, double heightPt, int rotation, double scale,
        long width, long height) {

    static PagePixels of(PDPage page, int dpi) {
        PDRectangle crop = page.getCropBox();
        int rotation = ((page.getRotation() % 360) + 360) % 360;
        // PDFBox scales by a float; matching it keeps pixel sizes identical to the render.
        float scale = dpi / 72f;
        boolean quarterTurn = rotation % 180 != 0;
        float w = quarterTurn ? crop.getHeight() : crop.getWidth();
        float h = quarterTurn ? crop.getWidth() : crop.getHeight();
        // float products, as the renderer sizes its image (360 pt x 300/72 is 1500 in float, 1499.99 in double)
        float widthPx = w * scale;
        float heightPx = h * scale;
        return new PagePixels(crop.getLowerLeftX(), crop.getLowerLeftY(), crop.getWidth(), crop.getHeight(),
                rotation, scale, (long) Math.floor(widthPx), (long) Math.floor(heightPx));
    }

    /** The pixel position of user-space point ({@code x}, {@code y}); top-left origin, y down. */
    Point2D.Double toPixel(double x, double y) {
        double u = x - left;
        double up = y - bottom;
        double px;
        double py;
        switch (rotation) {
            case 90 -> {
                px = up;
                py = u;
            }
            case 180 -> {
                px = widthPt - u;
                py = up;
            }
            case 270 -> {
                px = heightPt - up;
                py = widthPt - u;
            }
            default -> {
                px = u;
                py = heightPt - up;
            }
        }
        return new Point2D.Double(px * scale, py * scale);
    }
}
