package io.numscan.segment;

import io.numscan.preprocess.PreparedPage;
import java.util.List;

/** Glyph candidates of a page, in reading order within no particular line yet. */
public record SegmentedPage(PreparedPage prepared, LabelImage labels, List<Glyph> glyphs) {
    public SegmentedPage {
        glyphs = List.copyOf(glyphs);
    }
}
