package io.numscan.evaluate;

import io.numscan.assemble.RecognizedNumber;
import io.numscan.geom.Box;
import io.numscan.synth.Expected;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairs recognised numbers with expected ones on a page: same text, and the recognised box's
 * centre inside the expected box (grown by half its height, since expected boxes of scans are
 * only approximately known). Each number is used at most once.
 */
public final class NumberMatcher {
    private NumberMatcher() {
    }

    public record Mismatch(List<String> missed, List<String> spurious) {
    }

    public static NumberScore score(List<RecognizedNumber> found, List<Expected.Number> expected) {
        boolean[] used = new boolean[found.size()];
        int tp = 0;
        for (Expected.Number e : expected) {
            int match = findMatch(found, used, e);
            if (match >= 0) {
                used[match] = true;
                tp++;
            }
        }
        return new NumberScore(tp, found.size() - tp, expected.size() - tp);
    }

    public static Mismatch mismatches(List<RecognizedNumber> found, List<Expected.Number> expected) {
        boolean[] used = new boolean[found.size()];
        List<String> missed = new ArrayList<>();
        for (Expected.Number e : expected) {
            int match = findMatch(found, used, e);
            if (match >= 0) {
                used[match] = true;
            } else {
                missed.add(e.value() + "@" + e.x() + "," + e.y());
            }
        }
        List<String> spurious = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            if (!used[i]) {
                Box b = found.get(i).box();
                spurious.add(found.get(i).value() + "@" + b.x() + "," + b.y());
            }
        }
        return new Mismatch(missed, spurious);
    }

    /**
     * Characters to change to turn what was read into what is printed, summed over the expected
     * numbers: for each, the smallest edit distance to a number read in its place, or its whole
     * length when nothing was read there.
     */
    public static long editDistance(List<RecognizedNumber> found, List<Expected.Number> expected) {
        long total = 0;
        for (Expected.Number e : expected) {
            Box zone = zone(e);
            int best = e.value().length();
            for (RecognizedNumber n : found) {
                if (zone.contains(n.box().centerX(), n.box().centerY())) {
                    best = Math.min(best, levenshtein(n.value(), e.value()));
                }
            }
            total += best;
        }
        return total;
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Box zone(Expected.Number e) {
        int margin = Math.max(8, e.height() / 2);
        return new Box(e.x() - margin, e.y() - margin, e.width() + 2 * margin, e.height() + 2 * margin);
    }

    private static int findMatch(List<RecognizedNumber> found, boolean[] used, Expected.Number e) {
        Box zone = zone(e);
        for (int i = 0; i < found.size(); i++) {
            RecognizedNumber n = found.get(i);
            if (!used[i] && n.value().equals(e.value()) && zone.contains(n.box().centerX(), n.box().centerY())) {
                return i;
            }
        }
        return -1;
    }
}
