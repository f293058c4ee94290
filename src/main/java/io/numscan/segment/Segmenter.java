package io.numscan.segment;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;

import io.numscan.geom.Box;
import io.numscan.geom.DisjointSets;
import io.numscan.geom.GrayImage;
import io.numscan.preprocess.PreparedPage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;

/** Connected components of the ink, with the pieces of one character joined back together. */
public final class Segmenter {
    /** Components smaller than this are scanner dust, not even a decimal point. */
    private static final int MIN_INK = 2;
    /** A piece with less than this share of the ink of the piece it is stacked on is a speck... */
    private static final double SPECK_INK_SHARE = 0.04;
    /** ...and stands apart from it beyond this share of its height. */
    private static final double SPECK_GAP = 0.15;
    /** Stacked pieces of one character are at most this share of the taller one's height apart... */
    private static final double PIECE_GAP = 0.35;
    /**
     * ...and together at most this many times as tall as it: a light face's 5 on a 200-DPI fax,
     * torn into its bar with the stem and its bowl, stood 1.75 times the bowl (1.7 kept them apart).
     */
    private static final double STACKED_HEIGHT = 1.8;
    /** A piece this many times wider than tall is a bar... */
    private static final double FLAT_BAR = 1.5;
    /** ...that may stand this far above the taller piece under it... */
    private static final double BAR_GAP = 0.45;
    /** ...and reach this high with it. */
    private static final double BAR_AND_BOWL_HEIGHT = 1.9;
    /** A piece hanging under another is its foot (a 2's) when this many times wider than tall... */
    private static final double FLAT_FOOT = 2;
    /** ...and no more than this many times as wide as the piece over it (a 2's diagonal). */
    private static final double MAX_FOOT_WIDTH = 3;
    /**
     * Each thread's label matrix, kept from page to page (OpenCV reuses it while the page size
     * stays the same). A 300-DPI page's labels take 35 MB, more than the allocator keeps for
     * reuse, so a fresh one would be mapped and faulted in for every page.
     */
    private static final ThreadLocal<Mat> LABELS = ThreadLocal.withInitial(Mat::new);

    public SegmentedPage segment(PreparedPage page) {
        GrayImage ink = page.ink();
        int w = ink.width();
        int h = ink.height();
        int[] labels = new int[w * h];
        int[] stats = labelComponents(ink.copyPixels(), w, h, LABELS.get(), labels);
        int n = stats.length / 5;
        List<Piece> pieces = new ArrayList<>();
        int maxSide = Math.max(w, h) / 3;
        for (int i = 1; i < n; i++) {
            int area = stats[i * 5 + 4];
            Box box = new Box(stats[i * 5], stats[i * 5 + 1], stats[i * 5 + 2], stats[i * 5 + 3]);
            if (area < MIN_INK || box.width() > maxSide || box.height() > maxSide) {
                continue;
            }
            pieces.add(new Piece(i, box, area));
        }
        List<Glyph> glyphs = mergeStackedPieces(pieces);
        glyphs.sort(Comparator.comparingInt((Glyph g) -> g.box().x()).thenComparingInt(g -> g.box().y()));
        return new SegmentedPage(page, new LabelImage(w, h, labels), glyphs);
    }

    /**
     * Labels the 8-connected components of {@code pixels} (w x h, ink non-zero) into
     * {@code labels} and returns OpenCV's stats, five values per label (label 0 is the paper).
     * {@code labelMat} is the caller's, so that a page-sized one can be kept between pages.
     */
    private static int[] labelComponents(byte[] pixels, int w, int h, Mat labelMat, int[] labels) {
        try (PointerScope scope = new PointerScope()) {
            Mat mat = new Mat(h, w, CV_8UC1);
            mat.data().put(pixels);
            Mat statMat = new Mat();
            Mat centroids = new Mat();
            int n = connectedComponentsWithStats(mat, labelMat, statMat, centroids, 8, CV_32S);
            new IntPointer(labelMat.data()).get(labels);
            int[] stats = new int[n * 5];
            new IntPointer(statMat.data()).get(stats);
            return stats;
        }
    }

    /** Glyphs of one region of a page, labelled on their own (see {@link #segmentRegion}). */
    public record SegmentedRegion(LabelImage labels, List<Glyph> glyphs) {
        public SegmentedRegion {
            glyphs = List.copyOf(glyphs);
        }
    }

    /**
     * The glyphs of {@code region} of {@code ink}, as {@link #segment} finds them on a page, with
     * labels of their own. Ink that the region's edge cuts (where the page does not end there)
     * belongs to something outside and is left out.
     */
    public SegmentedRegion segmentRegion(GrayImage ink, Box region) {
        int x0 = Math.max(0, region.x());
        int y0 = Math.max(0, region.y());
        int x1 = Math.min(ink.width(), region.right());
        int y1 = Math.min(ink.height(), region.bottom());
        int w = x1 - x0;
        int h = y1 - y0;
        if (w <= 0 || h <= 0) {
            return new SegmentedRegion(new LabelImage(0, 0, 0, 0, new int[0]), List.of());
        }
        byte[] pixels = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixels[y * w + x] = (byte) ink.get(x0 + x, y0 + y);
            }
        }
        int[] labels = new int[w * h];
        int[] stats;
        try (Mat labelMat = new Mat()) {
            stats = labelComponents(pixels, w, h, labelMat, labels);
        }
        int n = stats.length / 5;
        List<Piece> pieces = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            int x = stats[i * 5];
            int y = stats[i * 5 + 1];
            int bw = stats[i * 5 + 2];
            int bh = stats[i * 5 + 3];
            boolean cut = (x == 0 && x0 > 0) || (y == 0 && y0 > 0) || (x + bw == w && x1 < ink.width())
                    || (y + bh == h && y1 < ink.height());
            int area = stats[i * 5 + 4];
            if (!cut && area >= MIN_INK) {
                pieces.add(new Piece(i, new Box(x0 + x, y0 + y, bw, bh), area));
            }
        }
        List<Glyph> glyphs = mergeStackedPieces(pieces);
        glyphs.sort(Comparator.comparingInt((Glyph g) -> g.box().x()).thenComparingInt(g -> g.box().y()));
        return new SegmentedRegion(new LabelImage(x0, y0, w, h, labels), glyphs);
    }

    private record Piece(int label, Box box, int ink) {
    }

    /**
     * Joins components stacked in one character cell: the dot of an i or j, a colon, the strokes
     * of a handwritten digit that the pen lifted between. Commas and periods hang at the baseline
     * beside a digit, not above it, and stay apart.
     */
    static List<Glyph> mergeStackedPieces(List<Piece> pieces) {
        int n = pieces.size();
        DisjointSets sameGlyph = new DisjointSets(n);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> pieces.get(i).box().x()));
        for (int a = 0; a < n; a++) {
            Box ba = pieces.get(order.get(a)).box();
            for (int b = a + 1; b < n; b++) {
                Box bb = pieces.get(order.get(b)).box();
                if (bb.x() >= ba.right()) {
                    break;
                }
                if (belongTogether(ba, bb) && !speckApart(pieces.get(order.get(a)), pieces.get(order.get(b)))) {
                    sameGlyph.union(order.get(a), order.get(b));
                }
            }
        }
        List<List<Piece>> groups = new ArrayList<>();
        int[] groupOf = new int[n];
        java.util.Arrays.fill(groupOf, -1);
        for (int i = 0; i < n; i++) {
            int root = sameGlyph.find(i);
            if (groupOf[root] < 0) {
                groupOf[root] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(groupOf[root]).add(pieces.get(i));
        }
        List<Glyph> glyphs = new ArrayList<>(groups.size());
        for (List<Piece> group : groups) {
            int[] comps = new int[group.size()];
            Box box = group.get(0).box();
            int ink = 0;
            for (int i = 0; i < group.size(); i++) {
                comps[i] = group.get(i).label();
                box = box.union(group.get(i).box());
                ink += group.get(i).ink();
            }
            glyphs.add(new Glyph(box, comps, ink));
        }
        return glyphs;
    }

    /**
     * Whether one piece is a speck of noise standing clear above or below the other. Set at
     * 28 px, the dot of an i or j holds 4.3 % of its stem's ink in Roboto Thin's j, the least of
     * every installed face, and a colon's dots are alike; the specks of a bilevel scan's dark band
     * hold a few pixels. Joined to a digit from a few pixels away, one made it taller than its
     * neighbours, and the line's height with it, until those no longer looked tall enough for
     * digits (61288 read as 6 and 2); or the classifier saw a dotted letter (the 1 of
     * 06/19/2025). A speck close to a digit's box may be a torn-off tip of it and stays joined.
     */
    static boolean speckApart(Piece a, Piece b) {
        Piece small = a.ink() <= b.ink() ? a : b;
        Piece big = small == a ? b : a;
        Box s = small.box();
        Box g = big.box();
        int gap = Math.max(s.y() - g.bottom(), g.y() - s.bottom());
        return small.ink() < SPECK_INK_SHARE * big.ink() && gap > SPECK_GAP * g.height();
    }

    static boolean belongTogether(Box a, Box b) {
        int overlap = a.horizontalOverlap(b);
        int narrower = Math.min(a.width(), b.width());
        if (overlap < 0.5 * narrower) {
            return false;
        }
        Box upper = a.y() <= b.y() ? a : b;
        Box lower = upper == a ? b : a;
        int gap = lower.y() - upper.bottom();
        int taller = Math.max(a.height(), b.height());
        Box combined = a.union(b);
        // A thin face's 5 breaks where its stem meets the bowl: the bar (a quarter of the digit's
        // height), the gap and the bowl (barely more than half) stand up to 1.9 times the bowl.
        boolean barOnTop = upper.width() >= FLAT_BAR * upper.height() && lower.height() == taller;
        if (gap > (barOnTop ? BAR_GAP : PIECE_GAP) * taller
                || combined.height() > (barOnTop ? BAR_AND_BOWL_HEIGHT : STACKED_HEIGHT) * taller) {
            return false;
        }
        Box small = a.area() <= b.area() ? a : b;
        Box big = small == a ? b : a;
        // A small mark hanging at or below the bottom of a bigger one is a period or comma.
        boolean hangsBelow = small.centerY() > big.bottom() - 0.15 * big.height() && small.height() < 0.5 * big.height();
        // Unless it lies within the bigger one's width and above its bottom: the ball of a serif
        // 3 or 5 that the threshold cut off, not a mark beside it (tabular digits leave room for that).
        boolean withinFoot = small.horizontalOverlap(big) >= 0.8 * small.width() && small.bottom() <= big.bottom() + 1
                && small.x() >= big.x() - 0.1 * big.width();
        // Or under the left half of the bigger one, up to a third of its height lower (a rotated
        // scan, a 5 whose bowl the threshold cut short above its ball): the cut-off terminal of a
        // small serif 3 or 5. A period after a digit lies right of its middle.
        boolean underLeftHalf = small.centerX() >= big.x() && small.centerX() <= big.x() + 0.5 * big.width()
                && small.horizontalOverlap(big) >= 0.6 * small.width()
                && small.bottom() <= big.bottom() + Math.max(1, 0.3 * big.height());
        // Or a flat bar under the whole of it: the foot of a 2 whose thin diagonal broke just above
        // it. A period or comma is no wider than tall, and an underline reaches past the glyph.
        boolean footBar = small.width() >= FLAT_FOOT * small.height() && small.horizontalOverlap(big) >= 0.8 * big.width()
                && small.width() <= MAX_FOOT_WIDTH * big.width();
        return !hangsBelow || withinFoot || underLeftHalf || footBar;
    }

}
