package io.numscan.classify;

/**
 * What the classifier thinks of one glyph.
 *
 * @param label most probable class (0-9 or {@link DigitClasses#NOT_A_DIGIT})
 * @param probability that class's probability
 * @param bestDigit most probable digit, even when "not a digit" wins
 * @param bestDigitProbability its probability
 */
public record Classification(int label, float probability, int bestDigit, float bestDigitProbability) {
    public boolean isDigit() {
        return label != DigitClasses.NOT_A_DIGIT;
    }

    public static Classification fromProbabilities(float[] probabilities, int offset) {
        int best = 0;
        int bestDigit = 0;
        for (int c = 1; c < DigitClasses.COUNT; c++) {
            if (probabilities[offset + c] > probabilities[offset + best]) {
                best = c;
            }
            if (c < DigitClasses.NOT_A_DIGIT && probabilities[offset + c] > probabilities[offset + bestDigit]) {
                bestDigit = c;
            }
        }
        return new Classification(best, probabilities[offset + best], bestDigit, probabilities[offset + bestDigit]);
    }
}
