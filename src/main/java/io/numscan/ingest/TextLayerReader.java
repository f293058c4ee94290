package io.numscan.ingest;

import io.numscan.geom.Box;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Reads one page's text layer glyph by glyph, in the order the content stream draws them, and
 * joins the glyphs into words. PDFTextStripper supplies the content-stream machinery (text state,
 * forms, fonts); its own text assembly is bypassed, since it keeps no glyph outlines and sorts
 * and merges in ways that lose which character is where.
 *
 * <p>A word ends at white space, at a gap along the baseline wider than half the font's space
 * (PDFs often position words instead of drawing spaces; kerning stays far below that), at a step
 * back, and where the baseline moves or turns.
 */
final class TextLayerReader extends PDFTextStripper {
    /** Share of drawn glyphs that must map to Unicode for the layer to be read at all. */
    static final double MIN_MAPPED_SHARE = 0.9;
    private static final double GAP_IN_SPACES = 0.5;
    private static final double BASELINE_SHIFT_IN_EMS = 0.3;
    private static final double DEFAULT_SPACE_EMS = 0.25;
    private static final GlyphList GLYPHS = GlyphList.getAdobeGlyphList();

    /** A drawn glyph in page pixels. */
    private record Glyph(String text, boolean mapped, Point2D.Double origin, Point2D.Double end, double dirX,
            double dirY, double em, double space, Rectangle2D box, boolean invisible) {
        boolean blank() {
            return mapped && text.isBlank();
        }
    }

    /** What one page gave. */
    record Result(List<TextWord> words, int glyphs, int unmapped) {
        boolean usable() {
            return !words.isEmpty() && glyphs > 0 && glyphs - unmapped >= MIN_MAPPED_SHARE * glyphs;
        }
    }

    private final PagePixels pixels;
    private final List<Glyph> drawn = new ArrayList<>();

    private TextLayerReader(PagePixels pixels) throws IOException {
        this.pixels = pixels;
    }

    /** The words of page {@code pageNumber} (1-based) of {@code pdf}, boxes in pixels at {@code dpi}. */
    static Result read(PDDocument pdf, int pageNumber, int dpi) throws IOException {
        TextLayerReader reader = new TextLayerReader(PagePixels.of(pdf.getPage(pageNumber - 1), dpi));
        reader.setStartPage(pageNumber);
        reader.setEndPage(pageNumber);
        reader.writeText(pdf, Writer.nullWriter());
        return reader.words();
    }

    /**
     * The page's own content, then the appearances of its visible annotations: a filled-in form
     * field's value is drawn there, not in the page content, and the renderer shows it. (A page
     * with no content stream of its own is not visited at all; it then has no text layer and is
     * read from its pixels.)
     */
    @Override
    public void processPage(PDPage page) throws IOException {
        super.processPage(page);
        if (getCurrentPageNo() != getStartPage()) {
            return;
        }
        for (PDAnnotation annotation : page.getAnnotations()) {
            if (!annotation.isHidden() && !annotation.isNoView() && !annotation.isInvisible()) {
                showAnnotation(annotation);
            }
        }
    }

    @Override
    protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement) throws IOException {
        String unicode = font.toUnicode(code, GLYPHS);
        boolean mapped = unicode != null && !unicode.isEmpty() && unicode.indexOf('\uFFFD') < 0
                && unicode.chars().noneMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c));
        RenderingMode mode = getGraphicsState().getTextState().getRenderingMode();
        boolean invisible = !mode.isFill() && !mode.isStroke();

        Point2D.Double origin = pixel(textRenderingMatrix, 0, 0);
        Point2D.Double end = pixel(textRenderingMatrix, displacement.getX(), displacement.getY());
        Point2D.Double unitX = pixel(textRenderingMatrix, 1, 0);
        Point2D.Double unitY = pixel(textRenderingMatrix, 0, 1);
        double em = unitY.distance(origin);
        double along = unitX.distance(origin);
        if (em <= 0 || along <= 0 || !Double.isFinite(em) || !Double.isFinite(along)) {
            return; // a degenerate matrix draws nothing
        }
        double dirX = (unitX.x - origin.x) / along;
        double dirY = (unitX.y - origin.y) / along;
        double spaceEms = font.getSpaceWidth() > 0 ? font.getSpaceWidth() / 1000.0 : DEFAULT_SPACE_EMS;
        Rectangle2D box = glyphBox(textRenderingMatrix, font, code, displacement);
        drawn.add(new Glyph(mapped ? unicode : "\uFFFD", mapped, origin, end, dirX, dirY, em,
                Math.min(spaceEms, 1.0) * along, box, invisible));
    }

    /** The glyph's ink in page pixels, or its advance box (font ascent to descent) when it has no outline. */
    private Rectangle2D glyphBox(Matrix trm, PDFont font, int code, Vector displacement) {
        Rectangle2D ink = null;
        if (font instanceof PDVectorFont vector) {
            try {
                // normalized paths are in 1/1000 em, y up, like the text rendering matrix expects after scaling
                Rectangle2D g = vector.getNormalizedPath(code).getBounds2D();
                if (!g.isEmpty()) {
                    ink = new Rectangle2D.Double(g.getX() / 1000, g.getY() / 1000, g.getWidth() / 1000, g.getHeight() / 1000);
                }
            } catch (IOException | RuntimeException e) {
                // a broken glyph program still has an advance; fall back to it
            }
        }
        if (ink == null) {
            double ascent = 0.75;
            double descent = -0.25;
            PDFontDescriptor d = font.getFontDescriptor();
            if (d != null && d.getAscent() > 0 && d.getDescent() <= 0 && d.getAscent() - d.getDescent() <= 2000) {
                ascent = d.getAscent() / 1000;
                descent = d.getDescent() / 1000;
            }
            double w = Math.max(displacement.getX(), 0.05);
            ink = new Rectangle2D.Double(0, descent, w, ascent - descent);
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        double[][] corners = {{ink.getMinX(), ink.getMinY()}, {ink.getMaxX(), ink.getMinY()},
            {ink.getMinX(), ink.getMaxY()}, {ink.getMaxX(), ink.getMaxY()}};
        for (double[] c : corners) {
            Point2D.Double p = pixel(trm, c[0], c[1]);
            minX = Math.min(minX, p.x);
            minY = Math.min(minY, p.y);
            maxX = Math.max(maxX, p.x);
            maxY = Math.max(maxY, p.y);
        }
        return new Rectangle2D.Double(minX, minY, maxX - minX, maxY - minY);
    }

    private Point2D.Double pixel(Matrix trm, double x, double y) {
        Point2D.Float user = trm.transformPoint((float) x, (float) y);
        return pixels.toPixel(user.x, user.y);
    }

    private Result words() {
        List<TextWord> words = new ArrayList<>();
        List<Glyph> current = new ArrayList<>();
        int glyphs = 0;
        int unmapped = 0;
        Glyph previous = null;
        for (Glyph g : drawn) {
            if (g.blank()) {
                flush(current, words);
                previous = null;
                continue;
            }
            if (!onPage(g.box())) {
                // text outside the crop box is not on the page anyone sees
                flush(current, words);
                previous = null;
                continue;
            }
            glyphs++;
            if (!g.mapped()) {
                unmapped++;
            }
            if (previous != null && breaksWord(previous, g)) {
                flush(current, words);
            }
            current.add(g);
            previous = g;
        }
        flush(current, words);
        return new Result(words, glyphs, unmapped);
    }

    private boolean onPage(Rectangle2D r) {
        return r.getMaxX() > 0 && r.getMaxY() > 0 && r.getMinX() < pixels.width() && r.getMinY() < pixels.height();
    }

    private static boolean breaksWord(Glyph a, Glyph b) {
        if (a.dirX() * b.dirX() + a.dirY() * b.dirY() < 0.95) {
            return true;
        }
        double dx = b.origin().x - a.end().x;
        double dy = b.origin().y - a.end().y;
        double gap = dx * a.dirX() + dy * a.dirY();
        double shift = Math.abs(-dx * a.dirY() + dy * a.dirX());
        double em = Math.max(a.em(), b.em());
        return gap > GAP_IN_SPACES * Math.max(a.space(), b.space()) || gap < -0.5 * em
                || shift > BASELINE_SHIFT_IN_EMS * em;
    }

    private static void flush(List<Glyph> glyphs, List<TextWord> words) {
        if (glyphs.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        List<Box> boxes = new ArrayList<>();
        int invisible = 0;
        for (Glyph g : glyphs) {
            text.append(g.text());
            Box box = enclose(g.box());
            // a ligature's characters share its box in slices, in the direction of writing
            boxes.addAll(g.text().length() == 1 ? List.of(box) : TextWord.slices(box, g.text().length()));
            if (g.invisible()) {
                invisible++;
            }
        }
        words.add(new TextWord(text.toString(), Box.enclosing(boxes), boxes, invisible * 2 > glyphs.size()));
        glyphs.clear();
    }

    private static Box enclose(Rectangle2D r) {
        int x0 = (int) Math.floor(r.getMinX());
        int y0 = (int) Math.floor(r.getMinY());
        int x1 = (int) Math.ceil(r.getMaxX());
        int y1 = (int) Math.ceil(r.getMaxY());
        return new Box(x0, y0, Math.max(x1 - x0, 1), Math.max(y1 - y0, 1));
    }
}
