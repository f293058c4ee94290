package io.numscan.train.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    private static final double EPS = 1e-12;

    /**
     * Three classes, rows truth, columns prediction:
     * <pre>
     *        p0 p1 p2
     *   t0 [ 5, 1, 0 ]   support 6
     *   t1 [ 2, 3, 1 ]   support 6
     *   t2 [ 0, 0, 0 ]   support 0 (never the truth, predicted once)
     * </pre>
     */
    private final ConfusionMatrix m = new ConfusionMatrix(new long[][] {{5, 1, 0}, {2, 3, 1}, {0, 0, 0}});

    @Test
    void countsAccuracyAndSupport() {
        assertEquals(12, m.total());
        assertEquals(8.0 / 12, m.accuracy(), EPS);
        assertEquals(6, m.support(0));
        assertEquals(0, m.support(2));
        assertEquals(7, m.predicted(0));
    }

    @Test
    void precisionRecallF1PerClass() {
        assertEquals(5.0 / 7, m.precision(0), EPS);
        assertEquals(5.0 / 6, m.recall(0), EPS);
        assertEquals(2 * (5.0 / 7) * (5.0 / 6) / (5.0 / 7 + 5.0 / 6), m.f1(0), EPS);
        assertEquals(3.0 / 4, m.precision(1), EPS);
        assertEquals(3.0 / 6, m.recall(1), EPS);
        assertEquals(0.6, m.f1(1), EPS);
        // predicted once, never right; no support: everything 0, no division by zero
        assertEquals(0, m.precision(2), EPS);
        assertEquals(0, m.recall(2), EPS);
        assertEquals(0, m.f1(2), EPS);
    }

    @Test
    void macroAveragesRunOverClassesInTheTruth() {
        double f0 = 2 * (5.0 / 7) * (5.0 / 6) / (5.0 / 7 + 5.0 / 6);
        assertEquals((5.0 / 7 + 3.0 / 4) / 2, m.macro().precision(), EPS);
        assertEquals((5.0 / 6 + 0.5) / 2, m.macro().recall(), EPS);
        assertEquals((f0 + 0.6) / 2, m.macro().f1(), EPS);
        // equal supports: weighted equals macro here
        assertEquals(m.macro().f1(), m.weighted().f1(), EPS);
        // weighted recall is accuracy when every prediction lands on a class with support
        ConfusionMatrix uneven = new ConfusionMatrix(new long[][] {{9, 1}, {3, 1}});
        assertEquals(10.0 / 14, uneven.weighted().recall(), EPS);
        assertEquals((10 * (9.0 / 12) + 4 * (1.0 / 2)) / 14, uneven.weighted().precision(), EPS);
    }

    @Test
    void topConfusionsMostFrequentFirst() {
        List<ConfusionMatrix.Confusion> top = m.topConfusions(10);
        assertEquals(3, top.size());
        assertEquals(new ConfusionMatrix.Confusion("1", "0", 2), top.get(0));
        assertEquals(1, top.get(1).count());
        assertEquals(1, m.topConfusions(1).size());
    }
}
