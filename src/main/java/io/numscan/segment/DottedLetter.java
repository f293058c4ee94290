package io.numscan.segment;

import io.numscan.geom.Box;

/**
 * An i or a j: a small round dot over a narrow stroke, with paper between them. The classifier
 * reads a slab-serif i as a digit ("Bill" as 211); no digit is drawn that way. A digit torn in
 * two mostly parts differently: the bar of a 5 or 7 is wide and flat, the loop of a 9 is tall.
 * A 4 whose tip broke off does look like a slab-serif i, so callers ask only where the classifier
 * doubts its digit.
 */
public final class DottedLetter {
    /** The dot is at most this share of the glyph's height ... */
    private static final double MAX_DOT_HEIGHT = 0.3;
    /** ... and at most this many times as wide as tall. */
    private static final double MAX_DOT_ASPECT = 2.0;
    /** The stroke below is at most this many times as wide as tall ... */
    private static final double MAX_STEM_ASPECT = 0.7;
    /** ... or, with a slab serif's wide foot, the dot is at most this share of its width. */
    private static final double MAX_DOT_TO_STEM_WIDTH = 0.6;

    private DottedLetter() {
    }

    public static boolean isDottedLetter(LabelImage labels, Glyph glyph) {
        int[] components = glyph.components();
        if (components.length != 2) {
            return false;
        }
        Box b = glyph.box();
        // Per component: min x, min y, max x, max y.
        int[][] extent = {{Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1}, {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1}};
        for (int y = b.y(); y < b.bottom(); y++) {
            for (int x = b.x(); x < b.right(); x++) {
                int l = labels.get(x, y);
                int c = l == 0 ? -1 : l == components[0] ? 0 : l == components[1] ? 1 : -1;
                if (c >= 0) {
                    int[] e = extent[c];
                    e[0] = Math.min(e[0], x);
                    e[1] = Math.min(e[1], y);
                    e[2] = Math.max(e[2], x);
                    e[3] = Math.max(e[3], y);
                }
            }
        }
        if (extent[0][2] < 0 || extent[1][2] < 0) {
            return false;
        }
        int top = extent[0][3] < extent[1][1] ? 0 : extent[1][3] < extent[0][1] ? 1 : -1;
        if (top < 0) {
            return false;
        }
        int[] dot = extent[top];
        int[] stem = extent[1 - top];
        int dotWidth = dot[2] - dot[0] + 1;
        int dotHeight = dot[3] - dot[1] + 1;
        int stemWidth = stem[2] - stem[0] + 1;
        int stemHeight = stem[3] - stem[1] + 1;
        double dotCentre = (dot[0] + dot[2]) / 2.0;
        return dotHeight <= MAX_DOT_HEIGHT * b.height() && dotWidth <= MAX_DOT_ASPECT * dotHeight
                && (stemWidth <= MAX_STEM_ASPECT * stemHeight || dotWidth <= MAX_DOT_TO_STEM_WIDTH * stemWidth)
                && dotCentre >= stem[0] && dotCentre <= stem[2];
    }
}
