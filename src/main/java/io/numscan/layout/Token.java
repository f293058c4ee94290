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
 */
public record Token(Box box, List<Glyph> glyphs, double lineHeight, double baseline, int field) {
    public Token {
        glyphs = List.copyOf(glyphs);
    }
}
