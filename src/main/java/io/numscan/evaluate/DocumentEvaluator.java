package io.numscan.evaluate;

import io.numscan.pipeline.DocumentResult;
import io.numscan.pipeline.PageResult;
import io.numscan.synth.Expected;
import java.util.List;

/** Scores a scanned document against its expected numbers, page by page. */
public final class DocumentEvaluator {
    private DocumentEvaluator() {
    }

    public static NumberScore score(DocumentResult result, Expected.Document expected) {
        NumberScore total = NumberScore.ZERO;
        for (Expected.Page page : expected.pages()) {
            total = total.plus(NumberMatcher.score(found(result, page.page()), page.numbers()));
        }
        // Pages we read that the truth does not mention are all false positives.
        for (PageResult p : result.pages()) {
            if (expected.pages().stream().noneMatch(e -> e.page() == p.page())) {
                total = total.plus(new NumberScore(0, p.numbers().size(), 0));
            }
        }
        return total;
    }

    public static List<io.numscan.assemble.RecognizedNumber> found(DocumentResult result, int page) {
        return result.pages().stream().filter(p -> p.page() == page).findFirst().map(PageResult::numbers).orElse(List.of());
    }
}
