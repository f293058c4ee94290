package io.numscan.extract;

import io.numscan.geom.Box;

/**
 * A rectangle on a page in fractions of the page's width and height (0..1, origin top-left), so a
 * template fits a page whatever its resolution.
 *
 * @param page 1-based page the zone is on
 */
public record Zone(int page, double x, double y, double width, double height) {
    public Zone {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, was " + page);
        }
        if (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > 1 + 1e-9 || y + height > 1 + 1e-9) {
            throw new IllegalArgumentException("zone must lie within the page: x and y from 0, width and height above 0, "
                    + "x + width and y + height at most 1; was x=" + x + " y=" + y + " width=" + width + " height=" + height);
        }
    }

    /** The zone in the pixels of a page {@code pageWidth} by {@code pageHeight}. */
    public Box toPixels(int pageWidth, int pageHeight) {
        int x0 = (int) Math.floor(x * pageWidth);
        int y0 = (int) Math.floor(y * pageHeight);
        int x1 = (int) Math.ceil((x + width) * pageWidth);
        int y1 = (int) Math.ceil((y + height) * pageHeight);
        return new Box(x0, y0, x1 - x0, y1 - y0);
    }

    /** True when the centre of {@code box} lies in the zone. */
    public boolean holds(Box box, int pageWidth, int pageHeight) {
        return toPixels(pageWidth, pageHeight).contains(box.centerX(), box.centerY());
    }
}
