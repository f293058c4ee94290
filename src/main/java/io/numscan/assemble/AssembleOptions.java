package io.numscan.assemble;

/**
 * @param minDigitProbability a glyph is a digit only when the classifier gives its digit at least this
 * @param minDigitHeight a digit is at least this fraction of the line's character height
 *     (digits are as tall as capitals; the x-height of lower-case letters such as o is at most
 *     about 0.8 of that, even in sans-serif faces)
 * @param minFieldDigitHeight the same inside form fields, where handwriting varies in size
 */
public record AssembleOptions(double minDigitProbability, double minDigitHeight, double minFieldDigitHeight) {
    public static final AssembleOptions DEFAULT = new AssembleOptions(0.5, 0.85, 0.35);
}
