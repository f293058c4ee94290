package io.numscan.preprocess;

import io.numscan.geom.Box;

/**
 * Maps points of the cleaned (deskewed) page back onto the page image the user gave us, so
 * every box we report lies on the pixels they see.
 */
public record PageTransform(double m00, double m01, double m02, double m10, double m11, double m12,
        int pageWidth, int pageHeight) {
    private static final double ROUNDING = 1e-6;

    public static PageTransform identity(int pageWidth, int pageHeight) {
        return new PageTransform(1, 0, 0, 0, 1, 0, pageWidth, pageHeight);
    }

    /** The inverse of a rotation by {@code degrees} (counter-clockwise, as OpenCV) about (cx, cy). */
    public static PageTransform undoRotation(double degrees, double cx, double cy, int pageWidth, int pageHeight) {
        double a = Math.toRadians(-degrees);
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        // Rotating back by -degrees about the same centre, in OpenCV's image coordinates (y down).
        double m00 = cos;
        double m01 = sin;
        double m10 = -sin;
        double m11 = cos;
        double m02 = (1 - cos) * cx - sin * cy;
        double m12 = sin * cx + (1 - cos) * cy;
        return new PageTransform(m00, m01, m02, m10, m11, m12, pageWidth, pageHeight);
    }

    /**
     * The inverse of turning a {@code pageWidth} x {@code pageHeight} page {@code quarterTurns}
     * times clockwise (as OpenCV's {@code rotate}): from the turned page back onto the page.
     */
    public static PageTransform undoQuarterTurns(int quarterTurns, int pageWidth, int pageHeight) {
        return switch (quarterTurns) {
            case 0 -> identity(pageWidth, pageHeight);
            case 1 -> new PageTransform(0, 1, 0, -1, 0, pageHeight, pageWidth, pageHeight);
            case 2 -> new PageTransform(-1, 0, pageWidth, 0, -1, pageHeight, pageWidth, pageHeight);
            case 3 -> new PageTransform(0, -1, pageWidth, 1, 0, 0, pageWidth, pageHeight);
            default -> throw new IllegalArgumentException("quarter turns 0-3: " + quarterTurns);
        };
    }

    /** This transform, then {@code next}: onto {@code next}'s page. */
    public PageTransform followedBy(PageTransform next) {
        return new PageTransform(
                next.m00 * m00 + next.m01 * m10, next.m00 * m01 + next.m01 * m11, next.m00 * m02 + next.m01 * m12 + next.m02,
                next.m10 * m00 + next.m11 * m10, next.m10 * m01 + next.m11 * m11, next.m10 * m02 + next.m11 * m12 + next.m12,
                next.pageWidth, next.pageHeight);
    }

    /**
     * This transform followed by a uniform scale, onto a page of the given size: for a page that
     * was worked on enlarged.
     */
    public PageTransform scaledBy(double factor, int scaledPageWidth, int scaledPageHeight) {
        return new PageTransform(m00 * factor, m01 * factor, m02 * factor, m10 * factor, m11 * factor, m12 * factor,
                scaledPageWidth, scaledPageHeight);
    }

    public boolean isIdentity() {
        return m00 == 1 && m01 == 0 && m02 == 0 && m10 == 0 && m11 == 1 && m12 == 0;
    }

    public Box toPage(Box box) {
        if (isIdentity()) {
            return box;
        }
        double[] xs = {box.x(), box.right(), box.x(), box.right()};
        double[] ys = {box.y(), box.y(), box.bottom(), box.bottom()};
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            double px = m00 * xs[i] + m01 * ys[i] + m02;
            double py = m10 * xs[i] + m11 * ys[i] + m12;
            minX = Math.min(minX, px);
            minY = Math.min(minY, py);
            maxX = Math.max(maxX, px);
            maxY = Math.max(maxY, py);
        }
        // A hair of rounding (1.5 x 100 / 1.5) must not widen the box by a whole pixel.
        int x0 = clamp((int) Math.floor(minX + ROUNDING), pageWidth);
        int y0 = clamp((int) Math.floor(minY + ROUNDING), pageHeight);
        int x1 = clamp((int) Math.ceil(maxX - ROUNDING), pageWidth);
        int y1 = clamp((int) Math.ceil(maxY - ROUNDING), pageHeight);
        return new Box(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
