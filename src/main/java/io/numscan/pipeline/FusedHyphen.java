package io.numscan.pipeline;

import io.numscan.geom.Box;
import io.numscan.segment.Glyph;
import io.numscan.segment.LabelImage;
import java.util.List;

/**
 * A hyphen a coarse scan ran into the digit beside it (the 5- or -0 of 2025-06836 at 200 DPI).
 * Read whole, 5- is a sure 5; and the digit splitter cuts glyphs into digits only, so with a
 * hyphen's stub at one end its cuts read as digits that are not there (-0 as a sure 4). The stub
 * is easy to see by itself: columns at the glyph's end whose ink is one thin bar across the
 * middle of the digit height.
 */
final class FusedHyphen {
    /** A hyphen's stub, free of the digit, is at least this share of the line height long. */
    private static final double MIN_LENGTH = 0.2;
    /** Its bar is at most this share of the glyph's height thick... */
    private static final double MAX_THICKNESS = 0.25;
    /** ...and lies between these shares of the glyph's height from its top (a 4's crossbar sits lower). */
    private static final double BAND_TOP = 0.3;
    private static final double BAND_BOTTOM = 0.7;

    private FusedHyphen() {
    }

    /**
     * The glyph as a hyphen and the rest, in reading order, or {@code null} when neither end of
     * it is a hyphen's stub or too little is left for a digit.
     */
    static List<Glyph> peeled(LabelImage labels, Glyph glyph, double lineHeight) {
        Box b = glyph.box();
        int[] top = new int[b.width()];
        int[] bottom = new int[b.width()];
        int[] ink = new int[b.width()];
        for (int x = b.x(); x < b.right(); x++) {
            int c = x - b.x();
            top[c] = -1;
            for (int y = b.y(); y < b.bottom(); y++) {
                int l = labels.get(x, y);
                if (l != 0 && glyph.owns(l)) {
                    if (top[c] < 0) {
                        top[c] = y;
                    }
                    bottom[c] = y;
                    ink[c]++;
                }
            }
        }
        int minLength = (int) Math.ceil(MIN_LENGTH * lineHeight);
        int leading = barColumns(b, top, bottom, 0, 1);
        if (leading >= minLength && b.width() - leading >= minLength) {
            return List.of(part(glyph, top, bottom, ink, 0, leading), part(glyph, top, bottom, ink, leading, b.width()));
        }
        int trailing = barColumns(b, top, bottom, b.width() - 1, -1);
        if (trailing >= minLength && b.width() - trailing >= minLength) {
            int cut = b.width() - trailing;
            return List.of(part(glyph, top, bottom, ink, 0, cut), part(glyph, top, bottom, ink, cut, b.width()));
        }
        return null;
    }

    /** How many columns from {@code from} on, in direction {@code step}, hold only a thin bar across the middle. */
    private static int barColumns(Box b, int[] top, int[] bottom, int from, int step) {
        double bandTop = b.y() + BAND_TOP * b.height();
        double bandBottom = b.y() + BAND_BOTTOM * b.height();
        double thickness = MAX_THICKNESS * b.height();
        int n = 0;
        for (int c = from; c >= 0 && c < top.length; c += step) {
            if (top[c] < 0 || top[c] < bandTop || bottom[c] > bandBottom || bottom[c] - top[c] + 1 > thickness) {
                break;
            }
            n++;
        }
        return n;
    }

    /** Columns {@code from} to {@code to} of the glyph, boxed tightly around their ink. */
    private static Glyph part(Glyph glyph, int[] top, int[] bottom, int[] ink, int from, int to) {
        int y0 = Integer.MAX_VALUE;
        int y1 = -1;
        int pixels = 0;
        for (int c = from; c < to; c++) {
            if (top[c] >= 0) {
                y0 = Math.min(y0, top[c]);
                y1 = Math.max(y1, bottom[c]);
                pixels += ink[c];
            }
        }
        Box b = glyph.box();
        Box box = y1 < 0 ? new Box(b.x() + from, b.y(), to - from, b.height()) : new Box(b.x() + from, y0, to - from, y1 - y0 + 1);
        return new Glyph(box, glyph.components(), pixels);
    }
}
