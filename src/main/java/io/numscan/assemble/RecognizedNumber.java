package io.numscan.assemble;

import io.numscan.geom.Box;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A number as printed on the page.
 *
 * @param value the characters as printed, e.g. {@code 1,234.56} or {@code 03/11/2025}
 * @param box in page pixels
 * @param confidence the least sure digit's probability, 0..1
 * @param characters every digit and separator, left to right
 * @param label the words that name the number on its line (e.g. {@code Subtotal}), or empty when
 *     not known (numbers read from pixels have none)
 */
public record RecognizedNumber(String value, Box box, double confidence, List<RecognizedDigit> characters, String label) {
    public RecognizedNumber {
        characters = List.copyOf(characters);
        label = label == null ? "" : label;
    }

    /** A number without a label. */
    public RecognizedNumber(String value, Box box, double confidence, List<RecognizedDigit> characters) {
        this(value, box, confidence, characters, "");
    }

    /** The same number with every box moved by {@code map} (e.g. from deskewed to page pixels). */
    public RecognizedNumber mapBoxes(UnaryOperator<Box> map) {
        return new RecognizedNumber(value, map.apply(box), confidence,
                characters.stream().map(c -> new RecognizedDigit(c.symbol(), map.apply(c.box()), c.probability())).toList(),
                label);
    }
}
