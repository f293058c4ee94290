package io.numscan.train.eval;

import io.numscan.classify.DigitClasses;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts of (true class, predicted class) and the metrics that follow from them. Rows: truth,
 * columns: prediction. Averages run over the classes that occur in the truth (a handwritten test
 * set has no {@code not-a-digit} rows, and a class nobody wrote cannot be recalled).
 */
public final class ConfusionMatrix {
    private final long[][] counts;

    public ConfusionMatrix(long[][] counts) {
        this.counts = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != counts.length) {
                throw new IllegalArgumentException("confusion matrix must be square");
            }
            this.counts[i] = counts[i].clone();
        }
    }

    public int classes() {
        return counts.length;
    }

    public long count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    /** Rows with this true class. */
    public long support(int c) {
        long n = 0;
        for (long v : counts[c]) {
            n += v;
        }
        return n;
    }

    /** Columns with this predicted class. */
    public long predicted(int c) {
        long n = 0;
        for (long[] row : counts) {
            n += row[c];
        }
        return n;
    }

    public double accuracy() {
        long right = 0;
        for (int i = 0; i < counts.length; i++) {
            right += counts[i][i];
        }
        long all = total();
        return all == 0 ? 0 : (double) right / all;
    }

    /** Of the crops called {@code c}, the share that are {@code c}; 0 when none was called {@code c}. */
    public double precision(int c) {
        long p = predicted(c);
        return p == 0 ? 0 : (double) counts[c][c] / p;
    }

    /** Of the crops that are {@code c}, the share called {@code c}; 0 when there are none. */
    public double recall(int c) {
        long s = support(c);
        return s == 0 ? 0 : (double) counts[c][c] / s;
    }

    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public ClassMetrics metrics(int c) {
        return new ClassMetrics(DigitClasses.name(c), precision(c), recall(c), f1(c), support(c));
    }

    /** Unweighted mean over the classes present in the truth. */
    public Averages macro() {
        double p = 0;
        double r = 0;
        double f = 0;
        int n = 0;
        for (int c = 0; c < counts.length; c++) {
            if (support(c) > 0) {
                p += precision(c);
                r += recall(c);
                f += f1(c);
                n++;
            }
        }
        return n == 0 ? new Averages(0, 0, 0) : new Averages(p / n, r / n, f / n);
    }

    /** Mean weighted by each class's support. */
    public Averages weighted() {
        double p = 0;
        double r = 0;
        double f = 0;
        long n = 0;
        for (int c = 0; c < counts.length; c++) {
            long s = support(c);
            p += s * precision(c);
            r += s * recall(c);
            f += s * f1(c);
            n += s;
        }
        return n == 0 ? new Averages(0, 0, 0) : new Averages(p / n, r / n, f / n);
    }

    /** The {@code n} most frequent off-diagonal cells, most frequent first (ties: by truth, then prediction). */
    public List<Confusion> topConfusions(int n) {
        List<Confusion> all = new ArrayList<>();
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts.length; p++) {
                if (t != p && counts[t][p] > 0) {
                    all.add(new Confusion(DigitClasses.name(t), DigitClasses.name(p), counts[t][p]));
                }
            }
        }
        all.sort(Comparator.comparingLong(Confusion::count).reversed());
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

    public record Averages(double precision, double recall, double f1) {
    }

    public record ClassMetrics(String label, double precision, double recall, double f1, long support) {
    }

    public record Confusion(String truth, String predicted, long count) {
    }
}
