package io.numscan.preprocess;

import io.numscan.geom.DisjointSets;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ruled lines of a binarized page: horizontal runs longer than any digit's bar, and vertical
 * runs that are either long or join horizontal lines at both ends (the walls of a comb field). A
 * handwritten 1 that stands free is neither.
 *
 * <p>Found from runs of ink in one pass over the page, rather than as morphological openings
 * followed by a labelling of the whole page: an opening with a 1 x n segment keeps exactly the
 * runs of n pixels or more, and the vertical strokes are few enough to label as runs. The result
 * is the same mask, including the behaviour at the page's edges (where OpenCV's erosion counts
 * the outside as ink), at a fraction of the cost.
 */
final class RuledLines {
    static final byte LINE = (byte) 255;
    /** How close, in pixels, the end of a short line must come to a vertical rule to meet it. */
    private static final int NEAR = 3;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] ink;
    private final int w;
    private final int h;
    private final int horizontalLength;
    private final int verticalShort;
    private final int verticalLong;
    /**
     * Horizontal lines shorter than twice the rule length: the bar of a large handwritten digit
     * (a 2's foot, a 5's top, a 4's crossbar) can be that long, so these stay lines only where they
     * meet a vertical rule, as the sides of a small box do. Stored as (x = first column, from =
     * row, to = last column).
     */
    private final Runs shortLines = new Runs();

    private RuledLines(byte[] ink, int w, int h, int dpi) {
        if (w <= 0 || h <= 0 || (long) w * h != ink.length) {
            throw new IllegalArgumentException("ink of " + ink.length + " bytes is not a " + w + "x" + h + " page");
        }
        this.ink = ink;
        this.w = w;
        this.h = h;
        this.horizontalLength = Math.max(25, dpi / 4);
        this.verticalShort = Math.max(12, dpi / 10);
        this.verticalLong = Math.max(30, dpi / 3);
    }

    /**
     * The line mask (255 on a line, 0 elsewhere) of {@code ink}, a w x h page of 0 (paper) and
     * non-zero (ink) bytes, row by row.
     */
    static byte[] find(byte[] ink, int w, int h, int dpi) {
        return new RuledLines(ink, w, h, dpi).mask();
    }

    private byte[] mask() {
        byte[] lines = new byte[w * h];
        Runs vertical = new Runs();
        horizontalLinesAndVerticalRuns(lines, vertical);
        vertical.sortByColumn(w);
        addJoinedVerticals(lines, vertical);
        return lines;
    }

    /**
     * Writes the horizontal lines into {@code lines} and collects the ink of every long enough
     * vertical run. A thin rule that was scanned, thresholded (fax) or rotated steps by a pixel
     * here and there, so runs are taken on the ink thickened by one pixel across their direction
     * (rows: the ink of the row and its two neighbours; columns: of the column and its two
     * neighbours) and then cut back to the ink itself.
     */
    private void horizontalLinesAndVerticalRuns(byte[] lines, Runs vertical) {
        int[] columnRunStart = new int[w];
        Arrays.fill(columnRunStart, -1);
        // Open column runs per 8-column word: a page is mostly paper, and a word of paper with no
        // run open over it or beside it needs no visit pixel by pixel.
        int words = (w + 7) / 8;
        int[] openColumnRuns = new int[words];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int above = y > 0 ? row - w : -1;
            int below = y < h - 1 ? row + w : -1;
            int runStart = -1;
            for (int word = 0; word < words; word++) {
                int x0 = word * 8;
                int x1 = Math.min(w, x0 + 8);
                if (runStart < 0 && openColumnRuns[word] == 0 && x1 - x0 == 8) {
                    long threeRows = (long) WORDS.get(ink, row + x0);
                    if (above >= 0) {
                        threeRows |= (long) WORDS.get(ink, above + x0);
                    }
                    if (below >= 0) {
                        threeRows |= (long) WORDS.get(ink, below + x0);
                    }
                    if (threeRows == 0 && (x0 == 0 || ink[row + x0 - 1] == 0) && (x1 == w || ink[row + x1] == 0)) {
                        continue;
                    }
                }
                for (int x = x0; x < x1; x++) {
                    int i = row + x;
                    boolean thickRow = ink[i] != 0 || (above >= 0 && ink[above + x] != 0) || (below >= 0 && ink[below + x] != 0);
                    if (thickRow) {
                        if (runStart < 0) {
                            runStart = x;
                        }
                    } else if (runStart >= 0) {
                        markHorizontal(lines, row, runStart, x - 1);
                        runStart = -1;
                    }
                    boolean thickColumn = ink[i] != 0 || (x > 0 && ink[i - 1] != 0) || (x < w - 1 && ink[i + 1] != 0);
                    if (thickColumn) {
                        if (columnRunStart[x] < 0) {
                            columnRunStart[x] = y;
                            openColumnRuns[word]++;
                        }
                    } else if (columnRunStart[x] >= 0) {
                        collectVertical(vertical, x, columnRunStart[x], y - 1);
                        columnRunStart[x] = -1;
                        openColumnRuns[word]--;
                    }
                }
            }
            if (runStart >= 0) {
                markHorizontal(lines, row, runStart, w - 1);
            }
        }
        for (int x = 0; x < w; x++) {
            if (columnRunStart[x] >= 0) {
                collectVertical(vertical, x, columnRunStart[x], h - 1);
            }
        }
    }

    private void markHorizontal(byte[] lines, int row, int from, int to) {
        if (!survivesOpening(from, to, w, horizontalLength)) {
            return;
        }
        for (int x = from; x <= to; x++) {
            if (ink[row + x] != 0) {
                lines[row + x] = LINE;
            }
        }
        if (to - from + 1 < 2 * horizontalLength) {
            shortLines.add(from, row / w, to);
        }
    }

    /** The ink pixels of column x in rows from..to, as runs, when the thickened run is long enough. */
    private void collectVertical(Runs vertical, int x, int from, int to) {
        if (!survivesOpening(from, to, h, verticalShort)) {
            return;
        }
        int start = -1;
        for (int y = from; y <= to; y++) {
            if (ink[y * w + x] != 0) {
                if (start < 0) {
                    start = y;
                }
            } else if (start >= 0) {
                vertical.add(x, start, y - 1);
                start = -1;
            }
        }
        if (start >= 0) {
            vertical.add(x, start, to);
        }
    }

    /**
     * Whether the run from..to of a line of {@code size} pixels survives an opening with a segment
     * of {@code length} anchored at its middle. Inside the line that takes {@code length} pixels;
     * at an edge fewer, since the erosion counts what lies outside as set.
     */
    static boolean survivesOpening(int from, int to, int size, int length) {
        int runLength = to - from + 1;
        boolean atStart = from == 0;
        boolean atEnd = to == size - 1;
        if (atStart && atEnd) {
            return true;
        }
        int anchor = length / 2;
        if (atStart) {
            return runLength >= length - anchor;
        }
        if (atEnd) {
            return runLength >= anchor + 1;
        }
        return runLength >= length;
    }

    /**
     * Labels the vertical runs into 8-connected strokes and adds those that are rules: tall and
     * thin, or reaching a horizontal line at the top and at the bottom.
     */
    private void addJoinedVerticals(byte[] lines, Runs vertical) {
        int n = vertical.size;
        if (n == 0) {
            dropShortLinesAwayFromRules(lines, new boolean[0], new int[0], new int[0], new int[0], new int[0]);
            return;
        }
        DisjointSets strokes = new DisjointSets(n);
        // Runs come column by column, top to bottom: join each column's runs with the previous
        // column's runs they touch, diagonally included.
        int previousStart = 0;
        int previousEnd = 0;
        int i = 0;
        while (i < n) {
            int x = vertical.x[i];
            int columnEnd = i;
            while (columnEnd < n && vertical.x[columnEnd] == x) {
                columnEnd++;
            }
            boolean previousIsNeighbour = previousEnd > previousStart && vertical.x[previousStart] == x - 1;
            if (previousIsNeighbour) {
                int p = previousStart;
                for (int c = i; c < columnEnd; c++) {
                    while (p < previousEnd && vertical.to[p] < vertical.from[c] - 1) {
                        p++;
                    }
                    for (int q = p; q < previousEnd && vertical.from[q] <= vertical.to[c] + 1; q++) {
                        strokes.union(c, q);
                    }
                }
            }
            previousStart = i;
            previousEnd = columnEnd;
            i = columnEnd;
        }
        int[] left = new int[n];
        int[] top = new int[n];
        int[] right = new int[n];
        int[] bottom = new int[n];
        Arrays.fill(left, Integer.MAX_VALUE);
        Arrays.fill(top, Integer.MAX_VALUE);
        Arrays.fill(right, -1);
        Arrays.fill(bottom, -1);
        for (int r = 0; r < n; r++) {
            int root = strokes.find(r);
            left[root] = Math.min(left[root], vertical.x[r]);
            right[root] = Math.max(right[root], vertical.x[r]);
            top[root] = Math.min(top[root], vertical.from[r]);
            bottom[root] = Math.max(bottom[root], vertical.to[r]);
        }
        // Every stroke is judged against the horizontal lines alone, before any vertical is written.
        boolean[] decided = new boolean[n];
        boolean[] keep = new boolean[n];
        for (int r = 0; r < n; r++) {
            int root = strokes.find(r);
            if (!decided[root]) {
                decided[root] = true;
                keep[root] = isRule(left[root], top[root], right[root] - left[root] + 1, bottom[root] - top[root] + 1, lines);
            }
        }
        dropShortLinesAwayFromRules(lines, keep, left, top, right, bottom);
        for (int r = 0; r < n; r++) {
            if (keep[strokes.find(r)]) {
                for (int y = vertical.from[r]; y <= vertical.to[r]; y++) {
                    lines[y * w + vertical.x[r]] = LINE;
                }
            }
        }
    }

    /**
     * Takes the short horizontal lines out of {@code lines} again unless one of their ends is
     * within {@value #NEAR} pixels of a kept vertical stroke (its box). Verticals are judged first,
     * against all horizontal lines, so a small box keeps its sides.
     */
    private void dropShortLinesAwayFromRules(byte[] lines, boolean[] keptRoot, int[] left, int[] top, int[] right, int[] bottom) {
        List<int[]> rules = new ArrayList<>();
        for (int r = 0; r < keptRoot.length; r++) {
            if (keptRoot[r]) {
                rules.add(new int[] {left[r] - NEAR, top[r] - NEAR, right[r] + NEAR, bottom[r] + NEAR});
            }
        }
        for (int i = 0; i < shortLines.size; i++) {
            int from = shortLines.x[i];
            int y = shortLines.from[i];
            int to = shortLines.to[i];
            boolean meetsRule = false;
            for (int[] rule : rules) {
                boolean rowInside = y >= rule[1] && y <= rule[3];
                boolean endInside = (from >= rule[0] && from <= rule[2]) || (to >= rule[0] && to <= rule[2]);
                if (rowInside && endInside) {
                    meetsRule = true;
                    break;
                }
            }
            if (!meetsRule) {
                java.util.Arrays.fill(lines, y * w + from, y * w + to + 1, (byte) 0);
            }
        }
    }

    private boolean isRule(int left, int top, int width, int height, byte[] horizontal) {
        if (height >= verticalLong && width <= height / 3) {
            return true;
        }
        if (width > height / 2) {
            return false;
        }
        boolean topMeets = false;
        boolean bottomMeets = false;
        for (int x = left; x < left + width && !(topMeets && bottomMeets); x++) {
            topMeets |= nearHorizontal(horizontal, x, top);
            bottomMeets |= nearHorizontal(horizontal, x, top + height - 1);
        }
        return topMeets && bottomMeets;
    }

    /** A horizontal line within 2 pixels across and 3 up or down. */
    private boolean nearHorizontal(byte[] horizontal, int x, int y) {
        for (int yy = Math.max(0, y - 3); yy <= Math.min(h - 1, y + 3); yy++) {
            int row = yy * w;
            for (int xx = Math.max(0, x - 2); xx <= Math.min(w - 1, x + 2); xx++) {
                if (horizontal[row + xx] != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Vertical runs of ink: collected as each run ends (row by row), labelled column by column. */
    private static final class Runs {
        int[] x = new int[256];
        int[] from = new int[256];
        int[] to = new int[256];
        int size;

        void add(int column, int start, int end) {
            if (size == x.length) {
                x = Arrays.copyOf(x, size * 2);
                from = Arrays.copyOf(from, size * 2);
                to = Arrays.copyOf(to, size * 2);
            }
            x[size] = column;
            from[size] = start;
            to[size] = end;
            size++;
        }

        /**
         * Stable counting sort on the column. Within a column the runs were added as they ended,
         * which, since they do not overlap, is top to bottom already.
         */
        void sortByColumn(int columns) {
            int[] firstOfColumn = new int[columns + 1];
            for (int i = 0; i < size; i++) {
                firstOfColumn[x[i] + 1]++;
            }
            for (int c = 0; c < columns; c++) {
                firstOfColumn[c + 1] += firstOfColumn[c];
            }
            int[] sortedX = new int[x.length];
            int[] sortedFrom = new int[x.length];
            int[] sortedTo = new int[x.length];
            for (int i = 0; i < size; i++) {
                int at = firstOfColumn[x[i]]++;
                sortedX[at] = x[i];
                sortedFrom[at] = from[i];
                sortedTo[at] = to[i];
            }
            x = sortedX;
            from = sortedFrom;
            to = sortedTo;
        }
    }
}
