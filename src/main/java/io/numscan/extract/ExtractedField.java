package io.numscan.extract;

import io.numscan.geom.Box;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A field as read from one document; not found when {@code values} is empty.
 *
 * @param values one value, or every value of a multiple field, top to bottom
 * @param confidence the least sure value's, 0 when not found
 * @param boxes where each value was read, in page pixels
 */
public record ExtractedField(String name, List<TypedValue> values, double confidence, int page, List<Box> boxes) {
    public ExtractedField {
        values = List.copyOf(values);
        boxes = List.copyOf(boxes);
    }

    public static ExtractedField notFound(String name, int page) {
        return new ExtractedField(name, List.of(), 0, page, List.of());
    }

    public boolean found() {
        return !values.isEmpty();
    }

    /** As written to the CSV: the value, or a multiple field's values joined by {@code "; "}; empty when not found. */
    public String text() {
        return values.stream().map(TypedValue::text).collect(Collectors.joining("; "));
    }

    /** The sum of the numeric values (one value's own for a single field); empty when any is not a number. */
    public Optional<BigDecimal> total() {
        BigDecimal sum = BigDecimal.ZERO;
        for (TypedValue v : values) {
            if (v.number().isEmpty()) {
                return Optional.empty();
            }
            sum = sum.add(v.number().get());
        }
        return found() ? Optional.of(sum) : Optional.empty();
    }

    /** The place of the single value, or of the first of several. */
    public Optional<Box> box() {
        return boxes.isEmpty() ? Optional.empty() : Optional.of(boxes.get(0));
    }
}
