package io.numscan.synth;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/** An axis-aligned box in whole pixels, top-left origin. */
public record PixelBox(int x, int y, int width, int height) {

    /** The smallest whole-pixel box that holds the rectangle. */
    public static PixelBox enclosing(Rectangle2D r) {
        int x0 = (int) Math.floor(r.getMinX());
        int y0 = (int) Math.floor(r.getMinY());
        int x1 = (int) Math.ceil(r.getMaxX());
        int y1 = (int) Math.ceil(r.getMaxY());
        return new PixelBox(x0, y0, x1 - x0, y1 - y0);
    }

    public Rectangle2D toRect() {
        return new Rectangle2D.Double(x, y, width, height);
    }

    /** Bounding box of this box's four corners mapped by {@code t}. */
    public PixelBox transformed(AffineTransform t) {
        double[] xs = {x, x + width, x, x + width};
        double[] ys = {y, y, y + height, y + height};
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 4; i++) {
            Point2D p = t.transform(new Point2D.Double(xs[i], ys[i]), null);
            minX = Math.min(minX, p.getX());
            minY = Math.min(minY, p.getY());
            maxX = Math.max(maxX, p.getX());
            maxY = Math.max(maxY, p.getY());
        }
        return enclosing(new Rectangle2D.Double(minX, minY, maxX - minX, maxY - minY));
    }

    public PixelBox union(PixelBox o) {
        int x0 = Math.min(x, o.x);
        int y0 = Math.min(y, o.y);
        return new PixelBox(x0, y0, Math.max(x + width, o.x + o.width) - x0,
                Math.max(y + height, o.y + o.height) - y0);
    }

    public boolean intersects(int px, int py, int margin) {
        return px >= x - margin && px < x + width + margin && py >= y - margin && py < y + height + margin;
    }
}
