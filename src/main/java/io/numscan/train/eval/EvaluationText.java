package io.numscan.train.eval;

import java.util.Locale;

/** The plain-text form of an {@link Evaluation}, for a terminal. */
public final class EvaluationText {
    private EvaluationText() {
    }

    public static String format(Evaluation e) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "model %s %s (%s)%n", e.model(), e.version(), e.source()));
        s.append("backend: ").append(e.backend()).append('\n');
        s.append(String.format(Locale.ROOT, "data: %s, %d crops%n%n", e.dataset(), e.crops()));
        s.append(String.format(Locale.ROOT, "accuracy  %.4f%n", e.accuracy()));
        s.append(String.format(Locale.ROOT, "macro     precision %.4f  recall %.4f  F1 %.4f%n", e.macro().precision(),
                e.macro().recall(), e.macro().f1()));
        s.append(String.format(Locale.ROOT, "weighted  precision %.4f  recall %.4f  F1 %.4f%n%n", e.weighted().precision(),
                e.weighted().recall(), e.weighted().f1()));
        s.append("class        precision  recall     F1  support\n");
        for (var c : e.perClass()) {
            s.append(String.format(Locale.ROOT, "%-11s     %.4f  %.4f %.4f  %7d%n", c.label(), c.precision(), c.recall(),
                    c.f1(), c.support()));
        }
        s.append("\nconfusion matrix (rows: truth, columns: prediction; X = not-a-digit)\n       ");
        for (String c : e.classes()) {
            s.append(String.format(Locale.ROOT, "%5s", abbreviate(c)));
        }
        s.append('\n');
        for (int t = 0; t < e.confusion().length; t++) {
            s.append(String.format(Locale.ROOT, "%5s  ", abbreviate(e.classes().get(t))));
            for (long v : e.confusion()[t]) {
                s.append(String.format(Locale.ROOT, "%5s", v == 0 ? "." : Long.toString(v)));
            }
            s.append('\n');
        }
        s.append("\nmost frequent confusions (truth -> prediction)\n");
        for (var c : e.topConfusions()) {
            s.append(String.format(Locale.ROOT, "  %s -> %s  %d%n", c.truth(), c.predicted(), c.count()));
        }
        s.append(String.format(Locale.ROOT, "%nspeed: %.0f crops/s at batch 1, %.0f crops/s at batch 512%n",
                e.speed().batch1CropsPerSecond(), e.speed().batch512CropsPerSecond()));
        s.append(String.format(Locale.ROOT, "model size: %d bytes (%.1f MB)%n", e.sizeBytes(), e.sizeBytes() / 1e6));
        return s.toString();
    }

    private static String abbreviate(String c) {
        return c.equals("not-a-digit") ? "X" : c;
    }
}
