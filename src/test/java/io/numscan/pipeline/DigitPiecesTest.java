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
    @Test
    void aThreeThatLostTheTipsOfItsArcs() {
        String text = "9,434.88";
        Font font = new Font(Font.SERIF, Font.PLAIN, 36);
        BufferedImage image = TestPages.draw(500, 120, g -> {
            g.setFont(font);
            g.drawString(text, 40, 80);
            // Cut the 3's arcs from their tips, as a fax drops a hairline.
            java.awt.FontMetrics m = g.getFontMetrics();
            int x = 40 + m.stringWidth("9,4") + (int) Math.round(0.3 * m.charWidth('3'));
            g.setColor(Color.WHITE);
            g.fillRect(x, 40, 2, 45);
        });
        assertEquals(List.of(text), numbersOn(image));
    }

    @Test
    void aRowNumberInARuledCellThatLostTheTipsOfItsThreesArcs() {
        Font font = new Font(Font.SERIF, Font.PLAIN, 36);
        BufferedImage image = TestPages.draw(500, 160, g -> {
            // A table's first column: the cell's rules make it a boxed field.
            g.setStroke(new java.awt.BasicStroke(3));
            g.drawRect(30, 30, 110, 80);
            g.setFont(font);
            g.drawString("13", 60, 85);
            java.awt.FontMetrics m = g.getFontMetrics();
            int x = 60 + m.charWidth('1') + (int) Math.round(0.3 * m.charWidth('3'));
            g.setColor(Color.WHITE);
            g.fillRect(x, 45, 2, 45);
        });
        assertEquals(List.of("13"), numbersOn(image));
    }

    @Test
    void aFiveInFourPiecesKeepsItsFootOffTheDecimalPoint() {
        String text = "303.15";
        Font font = new Font(Font.SERIF, Font.PLAIN, 36);
        BufferedImage image = TestPages.draw(500, 120, g -> {
            g.setFont(font);
            g.drawString(text, 40, 80);
            // The 5 as a fax of a light face leaves it: bar, stem, bowl and the foot of its bowl
            // apart. Both cuts across the bowl free its foot at the 5's left edge.
            java.awt.FontMetrics m = g.getFontMetrics();
            int left = 40 + m.stringWidth("303.1");
            int width = m.charWidth('5');
            g.setColor(Color.WHITE);
            g.fillRect(left, 55, width, 2);
            g.fillRect(left, 62, width / 2, 2);
            g.fillRect(left + (int) Math.round(0.3 * width), 68, 2, 14);
        });
        assertEquals(List.of(text), numbersOn(image));
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
        return DigitPieces.unionLabel(pieces, classes, 0, pieces.size(), LINE, BASELINE);
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
