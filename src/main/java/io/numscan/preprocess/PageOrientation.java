package io.numscan.preprocess;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * How a page lies: upright, turned a quarter (a landscape page scanned sideways, a page fed in
 * the wrong way round) or upside down. Works on the page reduced to at most 1,400 pixels on its
 * long side and binarized, so it costs a few milliseconds a page.
 *
 * <p>Text lines decide the axis: the ink's profile across the lines (rows of an upright page) is
 * far sharper than the profile along them. Glyphs decide up from down: in Latin print the glyphs
 * of a line stand on one baseline, while their tops are split between capitals, digits and
 * ascenders on one side and the x-height letters well below them; turned over, the tops line up
 * and the bottoms split.
 */
public final class PageOrientation {
    /** The profile across the lines must be this much sharper than along them to turn a page. */
    static final double AXIS_MARGIN = 1.5;
    /**
     * Turned over only when more glyphs hang off their line's bottom than off its top, by a
     * margin that a page with no up or down (each glyph off either way by a coin's toss) would
     * show less than once in a hundred pages. Turning an upright page over loses all of it, so
     * the evidence asked for is strong; on 330 upright pages no contrary evidence came under a
     * chance of 0.8.
     */
    static final double FLIP_CHANCE = 0.01;
    /** Fewer glyphs off their line than this say nothing either way (a page of digits and capitals). */
    static final int MIN_UNEVEN_GLYPHS = 10;
    /**
     * A glyph's top or bottom is off its line's when it is this share of the line's height away,
     * and at least {@link #MIN_OFF_THE_LINE} pixels. At the working size an x-height letter's
     * top sits two or three pixels under a capital's, and rendering moves an edge by one pixel;
     * a share of 0.2 put the cut right on the x-height of 10-pixel print, so a one-pixel shift of
     * the whole page changed the evidence by half.
     */
    static final double OFF_THE_LINE = 0.15;
    static final double MIN_OFF_THE_LINE = 1.25;
    private static final int MIN_GLYPH_HEIGHT = 5;
    /** An x-height letter is about 0.7 of a capital; commas and dashes are far shorter. */
    private static final double LETTER_HEIGHT = 0.6;
    private static final int MIN_GLYPHS_IN_A_LINE = 5;
    private static final double MAX_SKEW_DEGREES = 5.0;
    private static final double SKEW_STEP = 0.5;
    /** Every fourth ink point: the axis search only compares two sharp profiles with two flat ones. */
    private static final int POINT_STEP = 4;
    /** The page is looked at reduced to at most this long side: print of 7 points is still 6 pixels tall. */
    private static final int WORK_SIDE = 1400;

    private PageOrientation() {
    }

    /**
     * Clockwise quarter turns (0-3) that make the page upright.
     *
     * @param gray the page as given, 8-bit grey
     * @param dpi its resolution
     */
    public static int quarterTurnsToUpright(Mat gray, int dpi) {
        // Reduced to a size that does not depend on which way the page lies, bilinear by a whole
        // factor: a tenth of the time of area averaging, and the letters still come out whole.
        int factor = (Math.max(gray.cols(), gray.rows()) + WORK_SIDE - 1) / WORK_SIDE;
        Mat small = gray;
        if (factor > 1) {
            small = new Mat();
            resize(gray, small, new Size(Math.max(1, gray.cols() / factor), Math.max(1, gray.rows() / factor)), 0, 0, INTER_LINEAR);
        }
        try (Preprocessor.Binarized ink = Preprocessor.binarize(small, Math.max(1, dpi / factor), false)) {
            return quarterTurnsToUpright(ink.ink());
        } finally {
            if (small != gray) {
                small.close();
            }
        }
    }

    /** The same on binarized ink (non-zero), the page at its working size. */
    static int quarterTurnsToUpright(Mat ink) {
        int w = ink.cols();
        int h = ink.rows();
        float[][] points = Preprocessor.inkPoints(ink);
        if (points == null) {
            return 0;
        }
        float[] xs = points[0];
        float[] ys = points[1];
        Profile acrossRows = sharpestProfile(xs, ys, h);
        Profile acrossColumns = sharpestProfile(ys, xs, w);
        boolean sideways = acrossColumns.score() > AXIS_MARGIN * acrossRows.score();
        // Turned clockwise, the columns' skew is the rows' with its sign changed.
        double skew = sideways ? -acrossColumns.degrees() : acrossRows.degrees();
        try (PointerScope scope = new PointerScope()) {
            Mat lines = ink;
            if (sideways) {
                lines = new Mat();
                rotate(ink, lines, ROTATE_90_CLOCKWISE);
            }
            int[] offTopAndBottom = glyphsOffTheirLine(lines, skew);
            boolean upsideDown = isUpsideDown(offTopAndBottom[0], offTopAndBottom[1]);
            return (sideways ? 1 : 0) + (upsideDown ? 2 : 0);
        }
    }

    static boolean isUpsideDown(int offTheTop, int offTheBottom) {
        int uneven = offTheTop + offTheBottom;
        return uneven >= MIN_UNEVEN_GLYPHS && offTheBottom > offTheTop && chanceOfAtLeast(offTheBottom, uneven) < FLIP_CHANCE;
    }

    /** The chance of {@code k} or more heads in {@code n} tosses of a fair coin. */
    static double chanceOfAtLeast(int k, int n) {
        double logHalf = n * Math.log(0.5);
        double logChoose = 0;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            if (i > 0) {
                logChoose += Math.log(n - i + 1) - Math.log(i);
            }
            if (i >= k) {
                sum += Math.exp(logChoose + logHalf);
            }
        }
        return Math.min(1.0, sum);
    }

    /** OpenCV's code for turning a page {@code quarterTurns} times clockwise (1-3). */
    public static int rotateCode(int quarterTurns) {
        return switch (quarterTurns) {
            case 1 -> ROTATE_90_CLOCKWISE;
            case 2 -> ROTATE_180;
            case 3 -> ROTATE_90_COUNTERCLOCKWISE;
            default -> throw new IllegalArgumentException("quarter turns 1-3: " + quarterTurns);
        };
    }

    private record Profile(double score, double degrees) {
    }

    /** The profile score (sum of squared bin counts over the squared ink) at its best small skew. */
    private static Profile sharpestProfile(float[] along, float[] across, int extent) {
        int[] histogram = new int[extent * 2 + 8];
        double best = 0;
        double bestDegrees = 0;
        for (double a = -MAX_SKEW_DEGREES; a <= MAX_SKEW_DEGREES + 1e-9; a += SKEW_STEP) {
            double score = Preprocessor.profileScore(along, across, a, histogram, POINT_STEP);
            if (score > best) {
                best = score;
                bestDegrees = a;
            }
        }
        double points = along.length / (double) POINT_STEP;
        return new Profile(best / (points * points), bestDegrees);
    }

    /**
     * Glyphs of the page's text lines whose top, and whose bottom, sit off their line's (the
     * median of its glyphs'). Marks smaller than letters (periods, commas, the dot of an i) and
     * lines of fewer than five glyphs are left out.
     */
    private static int[] glyphsOffTheirLine(Mat ink, double skewDegrees) {
        double sin = Math.sin(Math.toRadians(skewDegrees));
        double cos = Math.cos(Math.toRadians(skewDegrees));
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        int n = connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
        int[] s = new int[n * 5];
        new IntPointer(stats.data()).get(s);
        List<int[]> glyphs = new ArrayList<>();
        int maxHeight = ink.rows() / 20;
        for (int i = 1; i < n; i++) {
            int x = s[i * 5];
            int y = s[i * 5 + 1];
            int width = s[i * 5 + 2];
            int height = s[i * 5 + 3];
            if (height >= MIN_GLYPH_HEIGHT && height <= maxHeight && width <= 3 * height) {
                glyphs.add(new int[] {x, y, width, height});
            }
        }
        glyphs.sort((a, b) -> Integer.compare(a[0], b[0]));
        // Lines grow left to right: a glyph joins the line whose last glyph it follows closely
        // and overlaps most in height.
        List<List<int[]>> lines = new ArrayList<>();
        for (int[] g : glyphs) {
            List<int[]> joined = null;
            int bestOverlap = 0;
            for (List<int[]> line : lines) {
                int[] last = line.get(line.size() - 1);
                int lineHeight = Math.max(last[3], g[3]);
                if (g[0] - (last[0] + last[2]) > 2 * lineHeight) {
                    continue;
                }
                int overlap = Math.min(g[1] + g[3], last[1] + last[3]) - Math.max(g[1], last[1]);
                if (overlap * 2 > Math.min(g[3], last[3]) && overlap > bestOverlap) {
                    bestOverlap = overlap;
                    joined = line;
                }
            }
            if (joined == null) {
                joined = new ArrayList<>();
                lines.add(joined);
            }
            joined.add(g);
        }
        int offTop = 0;
        int offBottom = 0;
        for (List<int[]> line : lines) {
            if (line.size() < MIN_GLYPHS_IN_A_LINE) {
                continue;
            }
            int[] heights = line.stream().mapToInt(g -> g[3]).sorted().toArray();
            int tall = heights[heights.length - 1 - heights.length / 4];
            // Commas, quotes and dashes are off both ways; letters are at least an x-height tall.
            List<int[]> letters = line.stream().filter(g -> g[3] >= LETTER_HEIGHT * tall).toList();
            if (letters.size() < MIN_GLYPHS_IN_A_LINE) {
                continue;
            }
            // Heights across the line as if the page were straight: a long line of a page
            // skewed by 2 degrees climbs more than a letter's height.
            double[] tops = letters.stream().mapToDouble(g -> straight(g, g[1], sin, cos)).sorted().toArray();
            double[] bottoms = letters.stream().mapToDouble(g -> straight(g, g[1] + g[3], sin, cos)).sorted().toArray();
            double top = tops[tops.length / 2];
            double bottom = bottoms[bottoms.length / 2];
            double tolerance = Math.max(MIN_OFF_THE_LINE, OFF_THE_LINE * tall);
            offTop += (int) Arrays.stream(tops).filter(t -> Math.abs(t - top) > tolerance).count();
            offBottom += (int) Arrays.stream(bottoms).filter(b -> Math.abs(b - bottom) > tolerance).count();
        }
        return new int[] {offTop, offBottom};
    }

    private static double straight(int[] glyph, int y, double sin, double cos) {
        return -sin * (glyph[0] + glyph[2] / 2.0) + cos * y;
    }
}
