package io.numscan.pipeline;

import java.util.List;

/** Everything read from one document. */
public record DocumentResult(String file, String type, List<PageResult> pages) {
    public DocumentResult {
        pages = List.copyOf(pages);
    }

    public int numberCount() {
        return pages.stream().mapToInt(p -> p.numbers().size()).sum();
    }
}
