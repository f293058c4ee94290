package io.numscan.preprocess;

import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.drawContours;
import static org.bytedeco.opencv.global.opencv_core.CMP_GT;
import static org.bytedeco.opencv.global.opencv_core.bitwise_or;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.inRange;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.erode;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_core.divide;
import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_CCOMP;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.contourArea;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.getRotationMatrix2D;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import io.numscan.geom.Box;
import io.numscan.geom.GrayImage;
import io.numscan.ingest.PageImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Turns a page image into clean ink: lighting flattened, binarized, straightened, ruled lines
 * removed. All OpenCV memory lives in one {@link PointerScope} per page and is released before
 * the result leaves this class.
 */
public final class Preprocessor {
    private static final int DESKEW_WORK_WIDTH = 1000;
    private static final int WORKING_DPI = 300;
    private static final int COARSE_POINT_STEP = 3;
    private static final int UPSCALE_BELOW_DPI = 250;
    private static final int MIN_UPSCALED_DPI = 120;
    private static final double MAX_UPSCALED_PIXELS = 60e6;
    private static final int LINE_MASK_BIT = 255;

    /** Where light text starts inside a dark band: this share of the way from the band's grey to white. */
    private static final double BAND_TEXT_CUT = 0.4;

    /**
     * Where faint ink starts: this share of the way from the page's threshold to white paper. A
     * light serif's hairlines, blurred by the scan, are only that much darker than the paper.
     */
    static final double FAINT_INK_SHARE = 0.5;

    /**
     * Where dark ink starts: this share of the way from the page's threshold to black. Blurred
     * condensed print runs its digits together at the threshold; their cores stay apart.
     */
    static final double DARK_INK_SHARE = 0.15;

    /**
     * Unsharp mask for pages enlarged from under {@value #UPSCALE_BELOW_DPI} DPI: the image plus this
     * many times its difference from a Gaussian blur of {@link #SHARPEN_SIGMA} working pixels
     * (1.3 pixels of a 200-DPI scan). Chosen on a corpus of another seed than the evaluation's.
     */
    private static final double SHARPEN_AMOUNT = 1.0;
    private static final double SHARPEN_SIGMA = 2.0;

    /** Grey level under which a large region is a dark band rather than shaded paper. */
    private static final double DARK_BAND_LEVEL = 160;

    private final PreprocessOptions options;

    public Preprocessor(PreprocessOptions options) {
        this.options = options;
    }

    public PreparedPage prepare(PageImage page) {
        GrayImage gray = page.image();
        int pageDpi = Math.max(72, page.dpi());
        try (PointerScope scope = new PointerScope()) {
            Mat original = toMat(gray);
            int turns = options.deskew() ? PageOrientation.quarterTurnsToUpright(original, pageDpi) : 0;
            if (turns != 0) {
                // Turned before anything else, so that a page given on its side reads exactly as
                // the same page given upright; boxes are turned back at the end.
                Mat upright = new Mat();
                rotate(original, upright, PageOrientation.rotateCode(turns));
                original.close();
                original = upright;
            }
            int uprightWidth = original.cols();
            int uprightHeight = original.rows();
            double upscale = upscaleFactor(pageDpi, uprightWidth, uprightHeight);
            int w = (int) Math.round(uprightWidth * upscale);
            int h = (int) Math.round(uprightHeight * upscale);
            int dpi = (int) Math.round(pageDpi * upscale);
            if (upscale > 1) {
                boolean bilevel = isBilevel(original);
                Mat larger = new Mat();
                resize(original, larger, new Size(w, h), 0, 0, INTER_CUBIC);
                original.close();
                original = larger;
                if (!bilevel) {
                    Mat sharper = sharpened(original);
                    original.close();
                    original = sharper;
                }
            }
            Binarized ink = null;
            double angle = 0;
            PageTransform toPage = PageTransform.identity(w, h);
            if (options.deskew()) {
                // The angle is found on a reduced page, binarized at that size: on a skewed
                // page the full-size binarization has to be done again after the rotation anyway.
                int factor = Math.max(1, w / DESKEW_WORK_WIDTH);
                Mat deskewInk;
                if (factor == 1) {
                    ink = binarize(original, dpi, true);
                    deskewInk = ink.ink();
                } else {
                    Mat reduced = new Mat();
                    resize(original, reduced, new Size(Math.max(1, w / factor), Math.max(1, h / factor)), 0, 0, INTER_AREA);
                    deskewInk = binarize(reduced, Math.max(1, dpi / factor), false).ink();
                }
                angle = estimateDeskewAngle(deskewInk, options.maxSkewDegrees());
                if (Math.abs(angle) >= 0.08) {
                    Mat straight = new Mat();
                    Mat rotation = getRotationMatrix2D(new Point2f(w / 2f, h / 2f), angle, 1.0);
                    warpAffine(original, straight, rotation, new Size(w, h), INTER_LINEAR, BORDER_CONSTANT,
                            new Scalar(255.0));
                    original.close();
                    if (ink != null) {
                        ink.close();
                    }
                    ink = binarize(straight, dpi, true);
                    straight.close();
                    toPage = PageTransform.undoRotation(angle, w / 2.0, h / 2.0, w, h);
                } else {
                    angle = 0;
                }
            }
            if (ink == null) {
                ink = binarize(original, dpi, true);
            }
            List<Box> cells = List.of();
            if (options.removeRuledLines()) {
                Mat lines = ruledLines(ink.ink(), dpi);
                // Grown by a pixel: that takes the lines' fringe off the ink, and closes cells
                // whose walls almost meet at a corner.
                Mat notLines = new Mat();
                dilate(lines, notLines, getStructuringElement(MORPH_RECT, new Size(3, 3)));
                lines.close();
                cells = cellsEnclosedBy(notLines, dpi);
                bitwise_not(notLines, notLines);
                bitwise_and(ink.ink(), notLines, ink.ink());
                bitwise_and(ink.faint(), notLines, ink.faint());
                bitwise_and(ink.dark(), notLines, ink.dark());
                notLines.close();
            }
            if (upscale > 1) {
                toPage = toPage.scaledBy(1 / upscale, uprightWidth, uprightHeight);
            }
            if (turns != 0) {
                toPage = toPage.followedBy(PageTransform.undoQuarterTurns(turns, gray.width(), gray.height()));
            }
            return new PreparedPage(page, toGray(ink.ink()), toGray(ink.faint()), toGray(ink.dark()), straightening(turns, angle),
                    cells, toPage);
        }
    }

    /**
     * The whole rotation that made the page upright and straight, counter-clockwise positive as
     * OpenCV's: {@code quarterTurns} clockwise quarter turns, then {@code deskewDegrees}; in
     * (-180, 180], so a page given upside down says about 180.
     */
    static double straightening(int quarterTurns, double deskewDegrees) {
        double degrees = deskewDegrees - 90.0 * quarterTurns;
        while (degrees <= -180) {
            degrees += 360;
        }
        return degrees;
    }

    /** Whether the page holds only black and white: a fax, or a scan thresholded by its scanner. */
    static boolean isBilevel(Mat gray) {
        try (Mat low = new Mat(1, 1, CV_8UC1, new Scalar(1.0));
                Mat high = new Mat(1, 1, CV_8UC1, new Scalar(254.0));
                Mat grey = new Mat()) {
            inRange(gray, low, high, grey);
            return countNonZero(grey) == 0;
        }
    }

    /**
     * At 200 DPI the scanner's blur spans the gaps between digits, a comma's notch and an 8's
     * counters: thresholded as they are, neighbours run together ("88" reads as one glyph) and a
     * comma joins its digit. An unsharp mask on the enlarged page restores the contrast of those
     * gaps. A bilevel page has no grey to restore, and sharpening its interpolated edges only
     * moves them.
     */
    private static Mat sharpened(Mat gray) {
        Mat sharper = new Mat();
        try (Mat blurred = new Mat()) {
            GaussianBlur(gray, blurred, new Size(0, 0), SHARPEN_SIGMA);
            addWeighted(gray, 1 + SHARPEN_AMOUNT, blurred, -SHARPEN_AMOUNT, 0, sharper);
        }
        return sharper;
    }

    /** Pixels of the page as it is thresholded and segmented: enlarged where {@link #upscaleFactor} says so. */
    public static long workingPixels(int dpi, int width, int height) {
        double upscale = upscaleFactor(Math.max(72, dpi), width, height);
        return Math.round(width * upscale) * Math.round(height * upscale);
    }

    /**
     * Pages scanned under {@value #WORKING_DPI} DPI are enlarged to it before thresholding: at 200 DPI
     * a 7-point stroke is one or two pixels wide, and a threshold taken there breaks it, while one
     * taken on the smoothly interpolated larger image follows the stroke's grey profile. 1 when the
     * page is fine already, has an implausible resolution, or would grow too large.
     */
    static double upscaleFactor(int dpi, int width, int height) {
        if (dpi < MIN_UPSCALED_DPI || dpi >= UPSCALE_BELOW_DPI) {
            return 1;
        }
        double factor = (double) WORKING_DPI / dpi;
        double pixels = width * factor * (height * factor);
        return pixels <= MAX_UPSCALED_PIXELS ? factor : 1;
    }

    /**
     * The page's ink at its threshold; its faint ink, everything at least {@link #FAINT_INK_SHARE}
     * of the way from paper to that threshold, a superset; and its dark ink, {@link #DARK_INK_SHARE}
     * of the way on to black, a subset (faint and dark are null where not asked for).
     */
    record Binarized(Mat ink, Mat faint, Mat dark) implements AutoCloseable {
        @Override
        public void close() {
            ink.close();
            if (faint != null) {
                faint.close();
            }
            if (dark != null) {
                dark.close();
            }
        }
    }

    /**
     * Divides out the paper's brightness (a grey dilation that erases the ink), so shadows and
     * uneven lighting do not move the threshold, then applies Otsu.
     */
    static Binarized binarize(Mat gray, int dpi, boolean withOtherCuts) {
        int scale = 4;
        int kernel = Math.max(3, dpi / 6 / scale) | 1;
        Mat small = new Mat();
        // Bilinear, not area averaging: the paper's brightness comes from a dilation over a dozen
        // reduced pixels anyway, and area reduction took a tenth of the page's preprocessing.
        resize(gray, small, new Size(Math.max(1, gray.cols() / scale), Math.max(1, gray.rows() / scale)), 0, 0, INTER_LINEAR);
        Mat smallBackground = new Mat();
        dilate(small, smallBackground, getStructuringElement(MORPH_RECT, new Size(kernel, kernel)));
        // Page-sized buffers are released as soon as they are used up (here and in prepare): fewer
        // live at once is less memory, and the allocator hands the same memory to the next one.
        Mat flat = new Mat();
        try (Mat background = new Mat()) {
            resize(smallBackground, background, new Size(gray.cols(), gray.rows()), 0, 0, INTER_LINEAR);
            divide(gray, background, flat, 255.0, -1);
        }
        Mat ink = new Mat();
        double otsu = threshold(flat, ink, 0, 255, THRESH_BINARY_INV | THRESH_OTSU);
        // A blank page has no bimodal histogram; Otsu would then split the paper's noise in two.
        if (otsu > 235) {
            otsu = 160;
            threshold(flat, ink, otsu, 255, THRESH_BINARY_INV);
        }
        Mat faint = null;
        Mat dark = null;
        if (withOtherCuts) {
            faint = new Mat();
            threshold(flat, faint, otsu + FAINT_INK_SHARE * (255 - otsu), 255, THRESH_BINARY_INV);
            dark = new Mat();
            threshold(flat, dark, (1 - DARK_INK_SHARE) * otsu, 255, THRESH_BINARY_INV);
        }
        flat.close();
        Binarized result = new Binarized(ink, faint, dark);
        withLightTextOnDarkBands(gray, small, result, dpi, scale);
        return result;
    }

    /**
     * Light text on dark bands (an invoice's title bar, a table's header row) is ink too. A band
     * is a dark region too big to be print: what stays dark once marks smaller than print are
     * lightened away (grey closing), at least an inch wide and a fifth of an inch tall, with the
     * light letters inside it (its holes) filled. Inside a band the ink is what is clearly lighter than the
     * band's own grey; elsewhere nothing changes.
     */
    private static void withLightTextOnDarkBands(Mat gray, Mat small, Binarized binarized, int dpi, int scale) {
        int printSize = Math.max(3, dpi / 12 / scale) | 1;
        int letterSize = Math.max(3, dpi / 8 / scale) | 1;
        Mat withoutPrint = new Mat();
        morphologyEx(small, withoutPrint, MORPH_CLOSE, getStructuringElement(MORPH_RECT, new Size(printSize, printSize)));
        Mat dark = new Mat();
        threshold(withoutPrint, dark, DARK_BAND_LEVEL, 255, THRESH_BINARY_INV);
        if (countNonZero(dark) == 0) {
            return;
        }
        // Each band's outline, filled: the light letters inside are holes of the dark region.
        MatVector outlines = new MatVector();
        findContours(dark, outlines, new Mat(), RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
        Mat smallBands = new Mat(small.rows(), small.cols(), CV_8UC1, new Scalar(0.0));
        List<Rect> bandRects = new ArrayList<>();
        for (int i = 0; i < outlines.size(); i++) {
            Rect r = boundingRect(outlines.get(i));
            if (r.width() * scale >= dpi && r.height() * scale >= dpi / 5) {
                drawContours(smallBands, outlines, i, new Scalar(255.0), FILLED, LINE_8, new Mat(), Integer.MAX_VALUE, new Point());
                bandRects.add(r);
            }
        }
        if (bandRects.isEmpty()) {
            return;
        }
        // The band's edge, where anti-aliasing and blur are neither band nor paper, is no ink at
        // all: left as ink it would frame the band like a ruled box, and a box is a form field.
        Mat innerBands = new Mat();
        erode(smallBands, innerBands, getStructuringElement(MORPH_RECT, new Size(3, 3)));
        Mat outerBands = new Mat();
        dilate(smallBands, outerBands, getStructuringElement(MORPH_RECT, new Size(3, 3)));
        // The band's own grey: the darkest nearby, which the light letters do not reach.
        Mat bandGrey = new Mat();
        erode(small, bandGrey, getStructuringElement(MORPH_RECT, new Size(letterSize, letterSize)));
        // Only a band's own rectangle changes, so each is worked on at full size there alone, in
        // place in the ink. Where rectangles overlap the second pass gives what the first did.
        for (Rect band : bandRects) {
            Rect reduced = clip(new Rect(band.x() - 2, band.y() - 2, band.width() + 4, band.height() + 4), small.cols(), small.rows());
            Rect region = clip(new Rect(reduced.x() * scale, reduced.y() * scale, reduced.width() * scale, reduced.height() * scale),
                    gray.cols(), gray.rows());
            Size size = new Size(region.width(), region.height());
            Mat bands = new Mat();
            resize(innerBands.apply(reduced), bands, size, 0, 0, INTER_NEAREST);
            Mat notBandAreas = new Mat();
            resize(outerBands.apply(reduced), notBandAreas, size, 0, 0, INTER_NEAREST);
            bitwise_not(notBandAreas, notBandAreas);
            Mat level = new Mat();
            resize(bandGrey.apply(reduced), level, size, 0, 0, INTER_LINEAR);
            // Two fifths of the way from the band to white paper, not half: a light serif's
            // hairlines, blurred into the band, are only that much lighter than it, and cut at
            // half way its 0 falls apart into two bars. The band's grain stays well below.
            Mat cut = new Mat();
            level.convertTo(cut, -1, 1 - BAND_TEXT_CUT, BAND_TEXT_CUT * 255);
            Mat lightTextInBands = new Mat();
            compare(gray.apply(region), cut, lightTextInBands, CMP_GT);
            bitwise_and(lightTextInBands, bands, lightTextInBands);
            // The faint and dark ink take the band's text as it is: another cut there would be noise.
            for (Mat image : new Mat[] {binarized.ink(), binarized.faint(), binarized.dark()}) {
                if (image != null) {
                    Mat inkHere = image.apply(region);
                    bitwise_and(inkHere, notBandAreas, inkHere);
                    bitwise_or(inkHere, lightTextInBands, inkHere);
                }
            }
        }
    }

    private static Rect clip(Rect r, int width, int height) {
        int x0 = Math.max(0, r.x());
        int y0 = Math.max(0, r.y());
        int x1 = Math.min(width, r.x() + r.width());
        int y1 = Math.min(height, r.y() + r.height());
        return new Rect(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    /**
     * Projection-profile search: the rotation that makes ink rows sharpest. Works on a reduced
     * point set so a 300-DPI page takes a few milliseconds.
     */
    static double estimateDeskewAngle(Mat ink, double maxDegrees) {
        int factor = Math.max(1, ink.cols() / DESKEW_WORK_WIDTH);
        Mat small = new Mat();
        resize(ink, small, new Size(Math.max(1, ink.cols() / factor), Math.max(1, ink.rows() / factor)), 0, 0, INTER_AREA);
        int sh = small.rows();
        float[][] points = inkPoints(small);
        if (points == null) {
            return 0;
        }
        float[] xs = points[0];
        float[] ys = points[1];
        int bins = sh * 2 + 8;
        int[] histogram = new int[bins];
        double best = 0;
        double bestScore = -1;
        // The coarse sweep only has to find the right basin: every third ink point is enough.
        for (double a = -maxDegrees; a <= maxDegrees + 1e-9; a += 0.2) {
            double s = profileScore(xs, ys, a, histogram, COARSE_POINT_STEP);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double coarse = best;
        bestScore = -1;
        for (double a = coarse - 0.2; a <= coarse + 0.2 + 1e-9; a += 0.02) {
            double s = profileScore(xs, ys, a, histogram, 1);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        return best;
    }

    /**
     * The ink pixels of a binarized image as points about its centre ({@code [0]} x, {@code [1]}
     * y), or null where there are too few for a profile to mean anything.
     */
    static float[][] inkPoints(Mat ink) {
        int w = ink.cols();
        int h = ink.rows();
        byte[] px = new byte[w * h];
        ink.data().get(px);
        int count = 0;
        for (byte b : px) {
            if ((b & 0xff) > 96) {
                count++;
            }
        }
        if (count < 50) {
            return null;
        }
        float[] xs = new float[count];
        float[] ys = new float[count];
        int k = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((px[y * w + x] & 0xff) > 96) {
                    xs[k] = x - w / 2f;
                    ys[k] = y - h / 2f;
                    k++;
                }
            }
        }
        return new float[][] {xs, ys};
    }

    static double profileScore(float[] xs, float[] ys, double degrees, int[] histogram, int pointStep) {
        java.util.Arrays.fill(histogram, 0);
        double r = Math.toRadians(degrees);
        double sin = Math.sin(r);
        double cos = Math.cos(r);
        // Rounding by truncation after shifting by the offset plus a half: the same bins as
        // Math.round, which is far slower, wherever the shifted value is not negative.
        double shift = histogram.length / 2 + 0.5;
        for (int i = 0; i < xs.length; i += pointStep) {
            double v = -sin * xs[i] + cos * ys[i] + shift;
            if (v >= 0 && v < histogram.length) {
                histogram[(int) v]++;
            }
        }
        double score = 0;
        for (int v : histogram) {
            score += (double) v * v;
        }
        return score;
    }

    /** The page's ruled lines as a mask ({@link RuledLines} works on the page's bytes in Java). */
    private static Mat ruledLines(Mat ink, int dpi) {
        int w = ink.cols();
        int h = ink.rows();
        byte[] inkBytes = new byte[w * h];
        pixels(ink, w, h).get(inkBytes);
        Mat lines = new Mat(h, w, CV_8UC1);
        pixels(lines, w, h).put(RuledLines.find(inkBytes, w, h, dpi));
        return lines;
    }

    /** A continuous w x h matrix's memory, in native byte order; its element size comes from the matrix. */
    private static ByteBuffer pixels(Mat mat, int w, int h) {
        if (!mat.isContinuous() || mat.cols() != w || mat.rows() != h) {
            throw new IllegalStateException("expected a continuous " + w + "x" + h + " matrix");
        }
        long bytes = (long) w * h * mat.elemSize();
        return mat.data().capacity(bytes).asByteBuffer().order(ByteOrder.nativeOrder());
    }

    /** Holes of the (grown) ruling mask that are rectangles: table cells, boxes and comb cells. */
    private static List<Box> cellsEnclosedBy(Mat grownLines, int dpi) {
        int minSide = Math.max(8, dpi / 25);
        MatVector contours = new MatVector();
        Mat hierarchy = new Mat();
        findContours(grownLines, contours, hierarchy, RETR_CCOMP, CHAIN_APPROX_SIMPLE);
        List<Box> cells = new ArrayList<>();
        long n = contours.size();
        if (n == 0) {
            return cells;
        }
        int[] tree = new int[(int) n * 4];
        new IntPointer(hierarchy.data()).get(tree);
        for (int i = 0; i < n; i++) {
            boolean isHole = tree[i * 4 + 3] >= 0;
            if (!isHole) {
                continue;
            }
            Mat contour = contours.get(i);
            Rect r = boundingRect(contour);
            if (r.width() < minSide || r.height() < minSide) {
                continue;
            }
            double area = contourArea(contour);
            if (area < 0.85 * r.width() * (double) r.height()) {
                continue;
            }
            cells.add(new Box(r.x(), r.y(), r.width(), r.height()));
        }
        return cells;
    }

    static Mat toMat(GrayImage image) {
        Mat mat = new Mat(image.height(), image.width(), CV_8UC1);
        // Straight into the matrix, without a page-sized copy on the heap first.
        image.copyPixelsTo(pixels(mat, image.width(), image.height()));
        return mat;
    }

    static GrayImage toGray(Mat mat) {
        if (!mat.isContinuous()) {
            throw new IllegalStateException("expected a continuous matrix");
        }
        byte[] pixels = new byte[mat.rows() * mat.cols()];
        mat.data().get(pixels);
        return GrayImage.wrap(mat.cols(), mat.rows(), pixels);
    }
}
