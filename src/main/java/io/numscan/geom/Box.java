package io.numscan.geom;

/** An axis-aligned rectangle in pixels; {@code x, y} is the top-left corner. */
public record Box(int x, int y, int width, int height) {

    public Box {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative box size " + width + "x" + height);
        }
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public double centerX() {
        return x + width / 2.0;
    }

    public double centerY() {
        return y + height / 2.0;
    }

    public long area() {
        return (long) width * height;
    }

    public Box union(Box other) {
        int nx = Math.min(x, other.x);
        int ny = Math.min(y, other.y);
        return new Box(nx, ny, Math.max(right(), other.right()) - nx, Math.max(bottom(), other.bottom()) - ny);
    }

    /** Overlap of the two boxes' horizontal extents, in pixels (0 when apart). */
    public int horizontalOverlap(Box other) {
        return Math.max(0, Math.min(right(), other.right()) - Math.max(x, other.x));
    }

    public int verticalOverlap(Box other) {
        return Math.max(0, Math.min(bottom(), other.bottom()) - Math.max(y, other.y));
    }

    public boolean contains(double px, double py) {
        return px >= x && px < right() && py >= y && py < bottom();
    }

    public static Box enclosing(Iterable<Box> boxes) {
        Box result = null;
        for (Box b : boxes) {
            result = result == null ? b : result.union(b);
        }
        if (result == null) {
            throw new IllegalArgumentException("no boxes");
        }
        return result;
    }
}
