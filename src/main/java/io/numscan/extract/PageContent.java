package io.numscan.extract;

import io.numscan.ingest.TextWord;
import io.numscan.pipeline.PageResult;
import java.util.List;
import java.util.Optional;

/** What extraction looks at on one page: the numbers read, and the words of its text layer if it has one. */
public record PageContent(PageResult result, Optional<List<TextWord>> words) {
    public PageContent {
        words = words.map(List::copyOf);
    }
}
