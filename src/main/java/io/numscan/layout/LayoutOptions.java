package io.numscan.layout;

/**
 * @param wordGap a gap wider than this fraction of the line height starts a new token
 * @param fieldWordGap the same inside a boxed form field, where handwriting spaces digits out
 * @param markGap the same beside a small mark (period, comma, hyphen), which monospaced print centres
 *        in a full-width cell
 */
public record LayoutOptions(double wordGap, double fieldWordGap, double markGap) {
    public static final LayoutOptions DEFAULT = new LayoutOptions(0.42, 0.9, 0.75);
}
