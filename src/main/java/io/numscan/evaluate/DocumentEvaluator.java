package io.numscan.evaluate;

import io.numscan.assemble.RecognizedNumber;
import io.numscan.geom.Box;
import io.numscan.pipeline.DocumentResult;
import io.numscan.pipeline.PageResult;
import io.numscan.synth.Expected;
import java.util.List;

/**
 * Scores a scanned document against its expected numbers, page by page. When a page was read at
 * another resolution than its truth was written for (a PDF rendered at 200 DPI, say), the boxes
 * read are scaled into the truth's pixel grid first.
 */
public final class DocumentEvaluator {
    private DocumentEvaluator() {
    }

    public static NumberScore score(DocumentResult result, Expected.Document expected) {
        NumberScore total = NumberScore.ZERO;
        for (Expected.Page page : expected.pages()) {
            total = total.plus(NumberMatcher.score(found(result, page), page.numbers()));
        }
        // Pages we read that the truth does not mention are all false positives.
        for (PageResult p : result.pages()) {
            if (expected.pages().stream().noneMatch(e -> e.page() == p.page())) {
                total = total.plus(new NumberScore(0, p.numbers().size(), 0));
            }
        }
        return total;
    }

    /** Summed edit distance between expected numbers and what was read in their places. */
    public static long editDistance(DocumentResult result, Expected.Document expected) {
        long total = 0;
        for (Expected.Page page : expected.pages()) {
            total += NumberMatcher.editDistance(found(result, page), page.numbers());
        }
        return total;
    }

    public static List<RecognizedNumber> found(DocumentResult result, int page) {
        return result.pages().stream().filter(p -> p.page() == page).findFirst().map(PageResult::numbers).orElse(List.of());
    }

    /** The numbers read on the expected page, in the expected page's pixel grid. */
    static List<RecognizedNumber> found(DocumentResult result, Expected.Page expected) {
        PageResult page = result.pages().stream().filter(p -> p.page() == expected.page()).findFirst().orElse(null);
        if (page == null) {
            return List.of();
        }
        if (page.width() <= 0 || page.width() == expected.width()) {
            return page.numbers();
        }
        double kx = (double) expected.width() / page.width();
        double ky = page.height() > 0 ? (double) expected.height() / page.height() : kx;
        return page.numbers().stream().map(n -> n.mapBoxes(b -> new Box((int) Math.round(b.x() * kx),
                (int) Math.round(b.y() * ky), (int) Math.round(b.width() * kx), (int) Math.round(b.height() * ky))))
                .toList();
    }
}
