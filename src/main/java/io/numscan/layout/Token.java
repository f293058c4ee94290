package io.numscan.layout;

import io.numscan.geom.Box;
import io.numscan.segment.Glyph;
import java.util.List;

/**
 * A run of glyphs with no word space inside, in reading order.
 *
 * @param lineHeight height of the line's full-size characters, the yardstick for punctuation
 * @param baseline y of the line's baseline near this token
 * @param field index of the form field (comb or box) the token lies in, or -1
 * @param comb whether that field is a comb: one character in each of its cells
 */
public record Token(Box box, List<Glyph> glyphs, double lineHeight, double baseline, int field, boolean comb) {
    public Token {
        glyphs = List.copyOf(glyphs);
    }

    /** The same token holding other glyphs (split or joined ones). */
    public Token withGlyphs(List<Glyph> newGlyphs) {
        return new Token(box, newGlyphs, lineHeight, baseline, field, comb);
    }
}
