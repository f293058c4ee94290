package io.numscan.layout;

import io.numscan.segment.SegmentedPage;
import java.util.List;

/**
 * @param tableCells for each form field ({@link Token#field()}), whether it is a cell of a ruled
 *     table (another cell shares one of its sides) rather than a box or comb standing on its own
 */
public record PageLayout(SegmentedPage page, List<TextLine> lines, List<Boolean> tableCells) {
    public PageLayout {
        lines = List.copyOf(lines);
        tableCells = List.copyOf(tableCells);
    }

    /**
     * Whether the token lies in a box or comb of its own, where a form is filled in by hand; a
     * ruled table's cells, however boxed, hold print.
     */
    public boolean inFormBox(Token token) {
        return token.field() >= 0 && !tableCells.get(token.field());
    }
}
