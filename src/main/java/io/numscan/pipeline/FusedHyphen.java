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
    /**
     * ...and lies between these shares of the glyph's height from its top (a 4's crossbar sits
     * lower). Pale, blurred print thresholded bold takes a hyphen's bar down to 0.71.
     */
    private static final double BAND_TOP = 0.3;
    private static final double BAND_BOTTOM = 0.75;

    private FusedHyphen() {
    }

    /**
     * The glyph as a hyphen and the rest, in reading order, or {@code null} when neither end of
     * it is a hyphen's stub or too little is left for a digit. Most glyphs asked are plain digits,
     * so only the columns at their ends are looked at, until one is no part of a bar.
     */
    static List<Glyph> peeled(LabelImage labels, Glyph glyph, double lineHeight) {
        Box b = glyph.box();
        int minLength = (int) Math.ceil(MIN_LENGTH * lineHeight);
        int leading = barColumns(labels, glyph, 0, 1);
        if (leading >= minLength && b.width() - leading >= minLength) {
            return List.of(part(labels, glyph, 0, leading), part(labels, glyph, leading, b.width()));
        }
        int trailing = barColumns(labels, glyph, b.width() - 1, -1);
        if (trailing >= minLength && b.width() - trailing >= minLength) {
            int cut = b.width() - trailing;
            return List.of(part(labels, glyph, 0, cut), part(labels, glyph, cut, b.width()));
        }
        return null;
    }

    /** How many columns from {@code from} on, in direction {@code step}, hold only a thin bar across the middle. */
    private static int barColumns(LabelImage labels, Glyph glyph, int from, int step) {
        Box b = glyph.box();
        double bandTop = b.y() + BAND_TOP * b.height();
        double bandBottom = b.y() + BAND_BOTTOM * b.height();
        double thickness = MAX_THICKNESS * b.height();
        int n = 0;
        for (int c = from; c >= 0 && c < b.width(); c += step) {
            int top = -1;
            int bottom = -1;
            for (int y = b.y(); y < b.bottom(); y++) {
                if (isInk(labels, glyph, b.x() + c, y)) {
                    top = top < 0 ? y : top;
                    bottom = y;
                }
            }
            if (top < 0 || top < bandTop || bottom > bandBottom || bottom - top + 1 > thickness) {
                break;
            }
            n++;
        }
        return n;
    }

    /** Columns {@code from} to {@code to} of the glyph, boxed tightly around their ink. */
    private static Glyph part(LabelImage labels, Glyph glyph, int from, int to) {
        Box b = glyph.box();
        int y0 = Integer.MAX_VALUE;
        int y1 = -1;
        int pixels = 0;
        for (int x = b.x() + from; x < b.x() + to; x++) {
            for (int y = b.y(); y < b.bottom(); y++) {
                if (isInk(labels, glyph, x, y)) {
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                    pixels++;
                }
            }
        }
        Box box = y1 < 0 ? new Box(b.x() + from, b.y(), to - from, b.height()) : new Box(b.x() + from, y0, to - from, y1 - y0 + 1);
        return new Glyph(box, glyph.components(), pixels);
    }

    private static boolean isInk(LabelImage labels, Glyph glyph, int x, int y) {
        int l = labels.get(x, y);
        return l != 0 && glyph.owns(l);
    }
}
