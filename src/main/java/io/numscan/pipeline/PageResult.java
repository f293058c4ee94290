package io.numscan.pipeline;

import io.numscan.assemble.RecognizedNumber;
import java.util.List;

/**
 * @param page 1-based
 * @param width pixel width of the page image the boxes refer to
 * @param deskewDegrees rotation that straightened the page before reading, counter-clockwise positive; about
 *        90, -90 or 180 for a page given on its side or upside down (0 for a text layer)
 * @param source whether the numbers came from the PDF's text layer or the page's pixels
 */
public record PageResult(int page, int width, int height, int dpi, double deskewDegrees, List<RecognizedNumber> numbers,
        PageSource source) {
    public PageResult {
        numbers = List.copyOf(numbers);
        java.util.Objects.requireNonNull(source, "source");
    }

    /** A page read from its pixels. */
    public PageResult(int page, int width, int height, int dpi, double deskewDegrees, List<RecognizedNumber> numbers) {
        this(page, width, height, dpi, deskewDegrees, numbers, PageSource.OCR);
    }
}
