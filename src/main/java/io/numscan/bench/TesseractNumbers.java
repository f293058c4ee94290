package io.numscan.bench;

import io.numscan.assemble.RecognizedNumber;
import io.numscan.evaluate.NumberMatcher;
import io.numscan.evaluate.NumberScore;
import io.numscan.geom.Box;
import io.numscan.synth.Expected;
import io.numscan.synth.TokenRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tesseract's TSV output as numbers: each word cut to its number tokens by the rule the expected
 * files follow, a token's box the share of its word's box that its characters take.
 */
final class TesseractNumbers {
    private TesseractNumbers() {
    }

    /** The numbers of each page (1-based) of a TSV. */
    static Map<Integer, List<RecognizedNumber>> parse(String tsv) {
        Map<Integer, List<RecognizedNumber>> pages = new HashMap<>();
        String[] lines = tsv.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t", -1);
            // level page block par line word left top width height conf text
            if (f.length < 12 || !"5".equals(f[0])) {
                continue;
            }
            String text = f[11].strip();
            if (text.isEmpty()) {
                continue;
            }
            int page = Integer.parseInt(f[1]);
            int left = Integer.parseInt(f[6]);
            int top = Integer.parseInt(f[7]);
            int width = Integer.parseInt(f[8]);
            int height = Integer.parseInt(f[9]);
            double conf = Math.max(0, Double.parseDouble(f[10])) / 100;
            for (TokenRule.Token t : TokenRule.tokens(text)) {
                int x0 = left + (int) Math.round(width * (double) t.start() / text.length());
                int x1 = left + (int) Math.round(width * (double) t.end() / text.length());
                pages.computeIfAbsent(page, k -> new ArrayList<>())
                        .add(new RecognizedNumber(t.value(), new Box(x0, top, Math.max(1, x1 - x0), Math.max(1, height)), conf, List.of()));
            }
        }
        return pages;
    }

    static NumberScore score(String tsv, Expected.Document expected) {
        Map<Integer, List<RecognizedNumber>> found = parse(tsv);
        NumberScore total = NumberScore.ZERO;
        for (Expected.Page page : expected.pages()) {
            total = total.plus(NumberMatcher.score(found.getOrDefault(page.page(), List.of()), page.numbers()));
        }
        for (Map.Entry<Integer, List<RecognizedNumber>> e : found.entrySet()) {
            if (expected.pages().stream().noneMatch(p -> p.page() == e.getKey())) {
                total = total.plus(new NumberScore(0, e.getValue().size(), 0));
            }
        }
        return total;
    }
}
