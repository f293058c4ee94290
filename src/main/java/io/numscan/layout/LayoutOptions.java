package io.numscan.layout;

/**
 * @param wordGap a gap wider than this fraction of the line height starts a new token
 * @param fieldWordGap the same inside a boxed form field, where handwriting spaces digits out
 */
public record LayoutOptions(double wordGap, double fieldWordGap) {
    public static final LayoutOptions DEFAULT = new LayoutOptions(0.42, 0.9);
}
