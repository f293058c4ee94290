package io.numscan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.numscan.TestPages;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Digits whose thin strokes a fax broke into pieces are read whole. */
class DigitPiecesTest extends ShippedCnnTest {
    /** Whitens strokes of one character, given its left edge and advance width. */
    private interface Cut {
        void apply(java.awt.Graphics2D g, int left, int width);
    }

    /**
     * {@code text} in a 36-point serif face from {@code x} on baseline 80, with {@code cut} applied
     * in white to its character at {@code index}, as a fax drops a light face's hairlines; with
     * {@code ruledCell}, inside a ruled table cell.
     */
    private static BufferedImage drawnAndCut(int x, String text, int index, boolean ruledCell, Cut cut) {
        Font font = new Font(Font.SERIF, Font.PLAIN, 36);
        return TestPages.draw(500, 140, g -> {
            if (ruledCell) {
                g.setStroke(new java.awt.BasicStroke(3));
                g.drawRect(x - 30, 25, 110, 80);
            }
            g.setFont(font);
            g.drawString(text, x, 80);
            java.awt.FontMetrics m = g.getFontMetrics();
            g.setColor(Color.WHITE);
            cut.apply(g, x + m.stringWidth(text.substring(0, index)), m.charWidth(text.charAt(index)));
        });
    }

    @Test
    void aThreeThatLostTheTipsOfItsArcs() {
        BufferedImage image = drawnAndCut(40, "9,434.88", 3, false,
                (g, left, width) -> g.fillRect(left + (int) Math.round(0.3 * width), 40, 2, 45));
        assertEquals(List.of("9,434.88"), numbersOn(image));
    }

    @Test
    void aRowNumberInARuledCellThatLostTheTipsOfItsThreesArcs() {
        // The cell's rules make it a boxed field.
        BufferedImage image = drawnAndCut(60, "13", 1, true,
                (g, left, width) -> g.fillRect(left + (int) Math.round(0.3 * width), 40, 2, 45));
        assertEquals(List.of("13"), numbersOn(image));
    }

    @Test
    void aFiveInFourPiecesKeepsItsFootOffTheDecimalPoint() {
        // Bar, stem, bowl and the foot of its bowl apart: both cuts across the bowl free its foot
        // at the 5's left edge.
        BufferedImage image = drawnAndCut(40, "303.15", 5, false, (g, left, width) -> {
            g.fillRect(left, 55, width, 2);
            g.fillRect(left, 62, width / 2, 2);
            g.fillRect(left + (int) Math.round(0.3 * width), 68, 2, 14);
        });
        assertEquals(List.of("303.15"), numbersOn(image));
    }

    private static final double LINE = 25;
    private static final double BASELINE = 125;

    private static io.numscan.segment.Glyph piece(int x, int y, int width, int height) {
        return new io.numscan.segment.Glyph(new io.numscan.geom.Box(x, y, width, height), new int[] {x * 1000 + y}, width * height / 3);
    }

    private static io.numscan.classify.Classification symbol() {
        return new io.numscan.classify.Classification(io.numscan.classify.DigitClasses.NOT_A_DIGIT, 0.95f, 0, 0.03f);
    }

    private static io.numscan.classify.Classification sure(int d) {
        return new io.numscan.classify.Classification(d, 0.99f, d, 0.99f);
    }

    private static int label(List<io.numscan.segment.Glyph> pieces, List<io.numscan.classify.Classification> classes) {
        return DigitPieces.unionLabel(pieces, classes, 0, pieces.size(), LINE, BASELINE, 0.9);
    }

    @Test
    void aHandwrittenFivesFlagDrawnApartAndPastItsBowlJoinsItInAFormBox() {
        // The 5's stem and bowl, a sure 5, and its flag: a flat stroke at the top running on past the bowl.
        List<io.numscan.segment.Glyph> five = List.of(piece(100, 102, 16, 23), piece(112, 100, 16, 6));
        List<io.numscan.classify.Classification> classes = List.of(sure(5), symbol());
        // Together 28 px wide and 25 tall: too wide for one printed character ...
        assertEquals(-2, label(five, classes));
        // ... not for one written into a box.
        assertEquals(5, DigitPieces.unionLabel(five, classes, 0, 2, LINE, BASELINE, DigitPieces.PIECES_ASPECT_IN_FIELD));
    }

    @Test
    void whichNeighboursMayBeThePiecesOfOneDigit() {
        // A 3's body, read as a sure 3, with the tips of its arcs: top, and low under the top one.
        assertEquals(3, label(List.of(piece(100, 100, 7, 4), piece(100, 121, 7, 5), piece(107, 101, 10, 24)),
                List.of(symbol(), symbol(), sure(3))));
        // The foot of a 5's bowl, torn off at the 5's left edge, is no period.
        assertEquals(5, label(List.of(piece(99, 121, 4, 3), piece(100, 100, 15, 26)), List.of(symbol(), sure(5))));
        // A period under the right of an italic 7 is.
        assertEquals(-2, label(List.of(piece(100, 100, 15, 25), piece(110, 121, 4, 4)), List.of(sure(7), symbol())));
        // The low tip alone beside the 3 is a period.
        assertEquals(-2, label(List.of(piece(100, 121, 7, 5), piece(107, 101, 10, 24)), List.of(symbol(), sure(3))));
        // A 6 as its left arc and its ring, neither a digit: any digit will do.
        assertEquals(-1, label(List.of(piece(100, 100, 9, 25), piece(109, 109, 8, 16)), List.of(symbol(), symbol())));
        // A 2 as its hook, its body, and its foot lying flat under them.
        assertEquals(-1, label(List.of(piece(99, 119, 16, 6), piece(100, 100, 6, 4), piece(105, 100, 9, 19)),
                List.of(symbol(), symbol(), symbol())));
        // A hyphen beside an unsure character is no piece of it.
        assertEquals(-2, label(List.of(piece(96, 111, 8, 3), piece(106, 100, 9, 25)), List.of(symbol(), symbol())));
        // Two small pieces (a ring of a % and a bit of its bar) hold no stroke of a digit.
        assertEquals(-2, label(List.of(piece(100, 100, 8, 9), piece(103, 109, 7, 9)), List.of(symbol(), symbol())));
        // Two sure digits are two digits; pieces apart by more than a hairline are two characters.
        assertEquals(-2, label(List.of(piece(100, 100, 6, 25), piece(107, 100, 6, 25)), List.of(sure(1), sure(1))));
        assertEquals(-2, label(List.of(piece(100, 100, 9, 25), piece(114, 109, 8, 16)), List.of(symbol(), symbol())));
    }
}
