package io.numscan.preprocess;

/**
 * @param deskew estimate and undo page rotation: a page lying on its side or upside down is turned
 *        upright ({@link PageOrientation}), a skew of a few degrees straightened
 * @param maxSkewDegrees the largest rotation looked for
 * @param removeRuledLines remove long horizontal and vertical strokes (tables, form boxes)
 */
public record PreprocessOptions(boolean deskew, double maxSkewDegrees, boolean removeRuledLines) {
    public static final PreprocessOptions DEFAULT = new PreprocessOptions(true, 5.0, true);
}
