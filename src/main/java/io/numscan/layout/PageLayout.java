package io.numscan.layout;

import io.numscan.segment.SegmentedPage;
import java.util.List;

public record PageLayout(SegmentedPage page, List<TextLine> lines) {
    public PageLayout {
        lines = List.copyOf(lines);
    }
}
