package io.numscan.layout;

import io.numscan.geom.Box;
import io.numscan.segment.Glyph;
import io.numscan.segment.SegmentedPage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Glyphs to lines to tokens. Gaps are judged relative to the line's own character height, so
 * the same rules hold for 7-point print and for 80-pixel handwriting.
 */
public final class LayoutAnalyzer {
    /** Pieces of a comb cell's ink this close to its biggest piece, for the cell's height, are one character. */
    private static final double CELL_PIECE_REACH = 0.25;
    /** Neighbour pairs a line needs before its usual advance is trusted. */
    private static final int MIN_ADVANCE_STEPS = 3;
    /** A character narrower than this share of its height is narrow (a 1, an l). */
    private static final double NARROW = 0.4;
    /** A step at most this multiple of the usual advance is the usual one. */
    private static final double SAME_STEP = 1.1;
    /** A line of marks this much lower than the line right of it ({@link #withLeadingMarksJoined})... */
    private static final double LEADING_MARK_HEIGHT = 0.4;
    /** ...and at most this far left of it, for its height, belongs to it. */
    private static final double LEADING_MARK_GAP = 0.5;
    private final LayoutOptions options;

    public LayoutAnalyzer(LayoutOptions options) {
        this.options = options;
    }

    public PageLayout analyze(SegmentedPage page) {
        List<FormFields.Field> fields = FormFields.find(page.prepared().cells());
        List<List<Glyph>> lines = groupIntoLines(joinCombCells(page.glyphs(), fields), fields);
        List<List<Glyph>> texts = new ArrayList<>(lines.size());
        List<Double> pageSteps = new ArrayList<>();
        for (List<Glyph> line : lines) {
            List<Glyph> text = withoutRuleFragments(line);
            if (!text.isEmpty()) {
                texts.add(text);
                double height = referenceHeight(text);
                for (double step : advanceSteps(text, height)) {
                    pageSteps.add(step / height);
                }
            }
        }
        // A table cell holds too few characters to tell its own advance; the page's, per unit of
        // character height, stands in.
        double pageAdvance = pageSteps.size() < MIN_ADVANCE_STEPS ? 0 : median(pageSteps);
        List<TextLine> result = new ArrayList<>(texts.size());
        for (List<Glyph> text : texts) {
            result.add(tokenize(text, fields, pageAdvance));
        }
        result.sort(Comparator.comparingInt((TextLine l) -> l.box().y()).thenComparingInt(l -> l.box().x()));
        return new PageLayout(page, result, fields.stream().map(FormFields.Field::tableCell).toList());
    }

    /**
     * Ink in one cell of a comb field is one character, however many pieces the pen or the
     * removal of the ruled lines left of it (a 4 whose crossbar went with a rule falls apart; the
     * top stroke of a 5 is often written apart). Pieces close to the cell's biggest piece join
     * it; a speck far from it stays apart.
     */
    static List<Glyph> joinCombCells(List<Glyph> glyphs, List<FormFields.Field> fields) {
        Map<Long, List<Glyph>> byCell = new LinkedHashMap<>();
        Map<Long, Box> cellBoxes = new HashMap<>();
        List<Glyph> result = new ArrayList<>(glyphs.size());
        for (Glyph g : glyphs) {
            int field = fieldOf(g.box(), fields);
            int cell = field >= 0 && fields.get(field).isComb()
                    ? fields.get(field).cellAt(g.box().centerX(), g.box().centerY()) : -1;
            if (cell < 0) {
                result.add(g);
                continue;
            }
            long key = ((long) field << 32) | cell;
            byCell.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
            cellBoxes.put(key, fields.get(field).cells().get(cell));
        }
        for (Map.Entry<Long, List<Glyph>> cell : byCell.entrySet()) {
            result.addAll(joinNearPieces(cell.getValue(), CELL_PIECE_REACH * cellBoxes.get(cell.getKey()).height()));
        }
        result.sort(Comparator.comparingInt((Glyph g) -> g.box().x()).thenComparingInt(g -> g.box().y()));
        return result;
    }

    private static List<Glyph> joinNearPieces(List<Glyph> pieces, double reach) {
        if (pieces.size() < 2) {
            return pieces;
        }
        List<Glyph> rest = new ArrayList<>(pieces);
        Glyph main = rest.stream().max(Comparator.comparingInt(Glyph::ink)).orElseThrow();
        rest.remove(main);
        Box box = main.box();
        List<Glyph> joined = new ArrayList<>(List.of(main));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int i = rest.size() - 1; i >= 0; i--) {
                if (distance(box, rest.get(i).box()) <= reach) {
                    Glyph piece = rest.remove(i);
                    joined.add(piece);
                    box = box.union(piece.box());
                    grew = true;
                }
            }
        }
        if (joined.size() == 1) {
            return pieces;
        }
        int[] components = joined.stream().flatMapToInt(g -> Arrays.stream(g.components())).toArray();
        int ink = joined.stream().mapToInt(Glyph::ink).sum();
        List<Glyph> result = new ArrayList<>(rest);
        result.add(new Glyph(box, components, ink));
        return result;
    }

    /** The larger of the horizontal and vertical gaps between two boxes; 0 where they overlap. */
    private static int distance(Box a, Box b) {
        int dx = Math.max(0, Math.max(a.x() - b.right(), b.x() - a.right()));
        int dy = Math.max(0, Math.max(a.y() - b.bottom(), b.y() - a.bottom()));
        return Math.max(dx, dy);
    }

    /**
     * Assigns glyphs, left to right, to the open line they overlap most vertically; a line
     * that has not grown for a while closes, so separate columns become separate lines.
     */
    static List<List<Glyph>> groupIntoLines(List<Glyph> glyphs, List<FormFields.Field> fields) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingInt((Glyph g) -> g.box().x()));
        List<LineBuilder> open = new ArrayList<>();
        List<List<Glyph>> done = new ArrayList<>();
        for (Glyph g : sorted) {
            Box b = g.box();
            int field = fieldOf(b, fields);
            LineBuilder best = null;
            double bestScore = 0;
            boolean bestFits = false;
            for (LineBuilder line : open) {
                double reach = 2.5 * Math.max(line.height(), b.height());
                // Small digits in big comb cells stand far apart for their size, yet are one number.
                boolean sameField = field >= 0 && line.lastField == field;
                if (b.x() - line.right > reach && !sameField) {
                    continue;
                }
                int overlap = Math.max(0, Math.min(b.bottom(), line.bottom()) - Math.max(b.y(), line.top()));
                double score = overlap / (double) Math.max(1, Math.min(b.height(), line.height()));
                // Commas hang mostly below the baseline: a small mark needs only to touch the band.
                double needed = b.height() < 0.6 * line.height() ? 0.2 : 0.5;
                // A full-size glyph belongs with its full-size neighbours rather than with the line
                // of a stray mark below them, which it overlaps just as fully.
                boolean fits = line.height() >= 0.5 * b.height();
                boolean better = (fits && !bestFits) || (fits == bestFits && score > bestScore);
                if (score > needed && better && centresAgree(line, b)) {
                    best = line;
                    bestScore = score;
                    bestFits = fits;
                }
            }
            if (best == null) {
                best = new LineBuilder();
                open.add(best);
            }
            best.add(g, field);
            // Close lines far behind the sweep so they cannot swallow a later column's glyphs.
            for (int i = open.size() - 1; i >= 0; i--) {
                LineBuilder line = open.get(i);
                if (b.x() - line.right > 6 * line.height() + 20) {
                    done.add(line.glyphs);
                    open.remove(i);
                }
            }
        }
        for (LineBuilder line : open) {
            done.add(line.glyphs);
        }
        done = withLeadingMarksJoined(done);
        return done;
    }

    /**
     * Lines no taller than a small mark, standing just left of a line and within its height: a minus
     * before an amount whose first digit a fax broke, so that the digit's first piece (a 9's bowl,
     * ending at mid-height) barely touched the minus and began a line of its own. The sweep meets
     * the mark first, and no later glyph alone can tell it belongs with them.
     */
    static List<List<Glyph>> withLeadingMarksJoined(List<List<Glyph>> lines) {
        List<Box> spans = new ArrayList<>(lines.size());
        List<List<Glyph>> joined = new ArrayList<>(lines.size());
        for (List<Glyph> line : lines) {
            Box span = line.get(0).box();
            for (Glyph g : line) {
                span = span.union(g.box());
            }
            spans.add(span);
            joined.add(new ArrayList<>(line));
        }
        boolean[] moved = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            Box mark = spans.get(i);
            for (int j = 0; j < lines.size(); j++) {
                Box line = spans.get(j);
                int gap = line.x() - mark.right();
                if (j != i && !moved[j] && mark.height() < LEADING_MARK_HEIGHT * line.height()
                        && mark.centerY() >= line.y() && mark.centerY() <= line.bottom()
                        && gap >= 0 && gap <= LEADING_MARK_GAP * line.height()) {
                    joined.get(j).addAll(0, joined.get(i));
                    moved[i] = true;
                    break;
                }
            }
        }
        List<List<Glyph>> result = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (!moved[i]) {
                result.add(joined.get(i));
            }
        }
        return result;
    }

    private static boolean centresAgree(LineBuilder line, Box b) {
        double lineCentre = (line.top() + line.bottom()) / 2.0;
        double tolerance = 0.6 * Math.max(line.height(), b.height());
        return Math.abs(b.centerY() - lineCentre) <= tolerance;
    }

    private TextLine tokenize(List<Glyph> glyphs, List<FormFields.Field> fields, double pageAdvance) {
        double height = referenceHeight(glyphs);
        double baseline = baseline(glyphs, height);
        Box box = Box.enclosing(glyphs.stream().map(Glyph::box).toList());
        List<Double> steps = advanceSteps(glyphs, height);
        double advance = steps.size() >= MIN_ADVANCE_STEPS ? median(steps) : pageAdvance * height;
        return new TextLine(box, height, advance, tokens(glyphs, height, baseline, advance, fields));
    }

    /**
     * A stretch of {@code line} outside form fields (glyphs in reading order, perhaps not the
     * line's own) cut into tokens at word spaces, as {@link #analyze} cuts the line.
     */
    public List<Token> tokensOutsideFields(List<Glyph> glyphs, TextLine line, double baseline) {
        return tokens(glyphs, line.height(), baseline, line.advance(), List.of());
    }

    private List<Token> tokens(List<Glyph> glyphs, double height, double baseline, double advance,
            List<FormFields.Field> fields) {
        List<Token> tokens = new ArrayList<>();
        List<Glyph> current = new ArrayList<>();
        int currentField = -2;
        int lastRight = Integer.MIN_VALUE;
        boolean lastWasMark = false;
        for (Glyph g : glyphs) {
            boolean mark = isSmallMark(g.box(), height);
            int field = fieldOf(g.box(), fields);
            boolean newToken;
            if (current.isEmpty()) {
                newToken = false;
            } else if (field != currentField) {
                newToken = true;
            } else {
                int gap = g.box().x() - lastRight;
                boolean comb = field >= 0 && fields.get(field).isComb();
                double limit = field >= 0 ? options.fieldWordGap() : options.wordGap();
                // A period, comma or hyphen sits in its own cell in monospaced print, so the gaps
                // on both sides of it are wider than between digits; it still binds its neighbours.
                if (mark || lastWasMark) {
                    limit = Math.max(limit, options.markGap());
                }
                newToken = !comb && gap > Math.max(2, limit * height)
                        && !keepsTheStep(current.get(current.size() - 1).box(), g.box(), height, advance);
            }
            if (newToken) {
                tokens.add(token(current, height, baseline, currentField, fields));
                current = new ArrayList<>();
            }
            current.add(g);
            lastWasMark = mark;
            currentField = field;
            lastRight = Math.max(current.size() == 1 ? Integer.MIN_VALUE : lastRight, g.box().right());
        }
        if (!current.isEmpty()) {
            tokens.add(token(current, height, baseline, currentField, fields));
        }
        return tokens;
    }

    /**
     * Distances between the centres of a line's neighbouring full-height, full-width characters
     * that are not a word space apart: their median is the line's advance (a digit's, in tabular
     * print). Narrow ones are left out: a 0 broken into two bars would make it short.
     */
    private List<Double> advanceSteps(List<Glyph> glyphs, double height) {
        List<Double> steps = new ArrayList<>();
        for (int i = 1; i < glyphs.size(); i++) {
            Box a = glyphs.get(i - 1).box();
            Box b = glyphs.get(i).box();
            if (isFullHeight(a, height) && isFullHeight(b, height) && !isNarrow(a) && !isNarrow(b)
                    && b.x() - a.right() <= options.wordGap() * height) {
                steps.add(b.centerX() - a.centerX());
            }
        }
        return steps;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /**
     * A narrow character (the 1 of tabular print, centred in a digit's full advance) beside
     * another keeps the line's usual step from it, though the ink between them is as wide as a
     * word space: "11,76" is one amount.
     */
    private static boolean keepsTheStep(Box left, Box right, double height, double advance) {
        boolean narrow = isNarrow(left) || isNarrow(right);
        return advance > 0 && narrow && isFullHeight(left, height) && isFullHeight(right, height)
                && right.centerX() - left.centerX() <= SAME_STEP * advance;
    }

    private static boolean isNarrow(Box b) {
        return b.width() < NARROW * b.height();
    }

    private static boolean isFullHeight(Box b, double height) {
        return b.height() >= 0.8 * height;
    }

    /**
     * Drops pieces of table rules that line removal left behind (a short vertical stub between
     * two rows): hair-thin and far taller than the line's characters. Left in, one would set the
     * line's height and make its real digits look too small.
     */
    static List<Glyph> withoutRuleFragments(List<Glyph> line) {
        int[] heights = line.stream().filter(g -> !isHairline(g.box())).mapToInt(g -> g.box().height()).sorted().toArray();
        if (heights.length == 0) {
            return line;
        }
        double median = heights[heights.length / 2];
        List<Glyph> kept = new ArrayList<>(line.size());
        for (Glyph g : line) {
            if (!(isHairline(g.box()) && g.box().height() > 1.6 * median)) {
                kept.add(g);
            }
        }
        return kept;
    }

    private static boolean isHairline(Box b) {
        return b.width() * 6 < b.height();
    }

    /** A period, comma, hyphen or the like: much lower than the line's characters and not wide. */
    private static boolean isSmallMark(Box b, double height) {
        return b.height() < 0.55 * height && b.width() < 0.6 * height;
    }

    private static Token token(List<Glyph> glyphs, double height, double baseline, int field,
            List<FormFields.Field> fields) {
        Box box = Box.enclosing(glyphs.stream().map(Glyph::box).toList());
        return new Token(box, glyphs, height, baseline, field, field >= 0 && fields.get(field).isComb());
    }

    private static int fieldOf(Box glyph, List<FormFields.Field> fields) {
        int best = -1;
        long bestArea = Long.MAX_VALUE;
        for (int i = 0; i < fields.size(); i++) {
            Box f = fields.get(i).box();
            if (f.contains(glyph.centerX(), glyph.centerY()) && f.area() < bestArea) {
                best = i;
                bestArea = f.area();
            }
        }
        return best;
    }

    /** Height of the line's full-size characters: small marks (dots, dashes, x-height letters) do not count. */
    static double referenceHeight(List<Glyph> glyphs) {
        int[] heights = glyphs.stream().mapToInt(g -> g.box().height()).sorted().toArray();
        int max = heights[heights.length - 1];
        int[] tall = Arrays.stream(heights).filter(h -> h >= 0.55 * max).toArray();
        // Upper quartile: x-height letters must not drag it down to their size.
        return tall[Math.min(tall.length - 1, (tall.length * 3) / 4)];
    }

    private static double baseline(List<Glyph> glyphs, double height) {
        int[] bottoms = glyphs.stream().filter(g -> g.box().height() >= 0.6 * height)
                .mapToInt(g -> g.box().bottom()).sorted().toArray();
        if (bottoms.length == 0) {
            return glyphs.get(0).box().bottom();
        }
        return bottoms[bottoms.length / 2];
    }

    private static final class LineBuilder {
        final List<Glyph> glyphs = new ArrayList<>();
        int right = Integer.MIN_VALUE;
        int lastField = -1;
        // Recent tall glyphs define the band, so the line follows a gentle residual slope.
        private int top;
        private int bottom;

        void add(Glyph g, int field) {
            Box b = g.box();
            lastField = field;
            if (glyphs.isEmpty()) {
                top = b.y();
                bottom = b.bottom();
            } else if (b.height() >= 0.6 * height()) {
                top = (int) Math.round(0.5 * top + 0.5 * b.y());
                bottom = (int) Math.round(0.5 * bottom + 0.5 * b.bottom());
                if (b.height() > height()) {
                    top = Math.min(top, b.y());
                    bottom = Math.max(bottom, b.bottom());
                }
            }
            glyphs.add(g);
            right = Math.max(right, b.right());
        }

        int top() {
            return top;
        }

        int bottom() {
            return bottom;
        }

        int height() {
            return Math.max(1, bottom - top);
        }
    }
}
