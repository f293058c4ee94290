package io.numscan.evaluate;

/** Number-level counts: a recognised number is right when its value and place match an expected one. */
public record NumberScore(int truePositives, int falsePositives, int falseNegatives) {
    public static final NumberScore ZERO = new NumberScore(0, 0, 0);

    public NumberScore plus(NumberScore o) {
        return new NumberScore(truePositives + o.truePositives, falsePositives + o.falsePositives,
                falseNegatives + o.falseNegatives);
    }

    public double precision() {
        int found = truePositives + falsePositives;
        return found == 0 ? 1.0 : (double) truePositives / found;
    }

    public double recall() {
        int expected = truePositives + falseNegatives;
        return expected == 0 ? 1.0 : (double) truePositives / expected;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
