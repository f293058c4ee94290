package io.numscan.evaluate;

/**
 * Scores of one category of documents: number-level counts (exact token and place) and the
 * character edit distance that digit accuracy is made of.
 *
 * @param editDistance summed over expected numbers: edit distance to the number read in its place
 *        (the whole number's length when nothing was read there)
 * @param expectedCharacters summed length of the expected numbers
 */
public record CategoryScore(int documents, int pages, NumberScore numbers, long editDistance, long expectedCharacters,
        double seconds) {
    public static final CategoryScore ZERO = new CategoryScore(0, 0, NumberScore.ZERO, 0, 0, 0);

    public CategoryScore plus(CategoryScore o) {
        return new CategoryScore(documents + o.documents, pages + o.pages, numbers.plus(o.numbers),
                editDistance + o.editDistance, expectedCharacters + o.expectedCharacters, seconds + o.seconds);
    }

    /** 1 - edit distance / characters, at least 0: how much of the printed text was read right. */
    public double digitAccuracy() {
        return expectedCharacters == 0 ? 1.0 : Math.max(0, 1.0 - (double) editDistance / expectedCharacters);
    }
}
