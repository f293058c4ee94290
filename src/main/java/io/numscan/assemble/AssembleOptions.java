package io.numscan.assemble;

/**
 * @param minDigitProbability a glyph is a digit only when the classifier gives its digit at least this
 * @param minDigitHeight a digit is at least this fraction of the line's character height
 *     (digits are as tall as capitals; the x-height of lower-case letters such as o is at most
 *     about 0.8 of that, even in sans-serif faces). The line's height is its tall glyphs' upper
 *     quartile, which an f, a g or a blurred capital can set above the digits: the 4 of an
 *     IBAN's DE94 on a pale 200-DPI scan stood 0.83 of it.
 * @param minFieldDigitHeight the same inside form fields, where handwriting varies in size
 * @param minDigitPixels a digit is at least this many pixels tall on the page, which is read at 300
 *     DPI or more (a 6-point digit is about 18, 12 is a 4-point one): a speck alone, or a sliver
 *     left along the skewed edge of a dark band, is its own line, as tall as its line's characters
 */
public record AssembleOptions(double minDigitProbability, double minDigitHeight, double minFieldDigitHeight,
        int minDigitPixels) {
    public static final AssembleOptions DEFAULT = new AssembleOptions(0.5, 0.83, 0.35, 12);
}
