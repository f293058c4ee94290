package io.numscan.pipeline;

import io.numscan.assemble.RecognizedNumber;
import java.util.List;

/**
 * @param page 1-based
 * @param width pixel width of the page image the boxes refer to
 * @param deskewDegrees rotation that straightened the page before reading
 */
public record PageResult(int page, int width, int height, int dpi, double deskewDegrees, List<RecognizedNumber> numbers) {
    public PageResult {
        numbers = List.copyOf(numbers);
    }
}
