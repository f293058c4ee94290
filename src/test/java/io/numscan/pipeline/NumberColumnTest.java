package io.numscan.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.geom.Box;
import io.numscan.layout.Token;
import io.numscan.segment.Glyph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a lone glyph stands in a column of numbers: a table's quantities at 200 DPI, rows 65 px apart, lines 21 px high. */
class NumberColumnTest {
    private static final double LINE = 21;

    private static Token token(int x, int y, int width, double lineHeight) {
        Glyph g = new Glyph(new Box(x, y, width, 21), new int[] {1}, width * 7);
        return new Token(g.box(), List.of(g), lineHeight, y + 21, -1, false);
    }

    private static final Token LONE_ONE = token(1491, 1511, 6, LINE);

    @Test
    void twoNumbersOverOrUnderItMakeAColumn() {
        // 63 and 49 in the rows under the 1, centred like it.
        assertTrue(ScanService.inNumberColumn(LONE_ONE, List.of(token(1472, 1575, 30, LINE), token(1473, 1640, 29, LINE))));
        // One above and one below count alike.
        assertTrue(ScanService.inNumberColumn(LONE_ONE, List.of(token(1472, 1446, 30, LINE), token(1473, 1640, 29, LINE))));
    }

    @Test
    void oneNumberOrNumbersBesideItOrFarAwayOrInOtherPrintAreNoColumn() {
        assertFalse(ScanService.inNumberColumn(LONE_ONE, List.of(token(1472, 1575, 30, LINE))));
        // The amounts of its own row and of other columns.
        assertFalse(ScanService.inNumberColumn(LONE_ONE,
                List.of(token(1700, 1511, 70, LINE), token(1700, 1575, 70, LINE), token(1520, 1640, 30, LINE))));
        // A page footer's "1" with the table's quantities a page's height above it.
        assertFalse(ScanService.inNumberColumn(token(1491, 3000, 6, LINE),
                List.of(token(1472, 1575, 30, LINE), token(1473, 1640, 29, LINE))));
        // Numbers in a heading twice its size.
        assertFalse(ScanService.inNumberColumn(LONE_ONE,
                List.of(token(1460, 1300, 60, 2 * LINE), token(1460, 1380, 60, 2 * LINE))));
    }
}
