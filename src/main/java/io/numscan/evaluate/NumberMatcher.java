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

    private static int findMatch(List<RecognizedNumber> found, boolean[] used, Expected.Number e) {
        int margin = Math.max(8, e.height() / 2);
        Box zone = new Box(e.x() - margin, e.y() - margin, e.width() + 2 * margin, e.height() + 2 * margin);
        for (int i = 0; i < found.size(); i++) {
            RecognizedNumber n = found.get(i);
            if (!used[i] && n.value().equals(e.value()) && zone.contains(n.box().centerX(), n.box().centerY())) {
                return i;
            }
        }
        return -1;
    }
}
