package io.numscan.extract;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a template finds one field.
 *
 * <p>When the label is found (its text in the page's text layer, or its zone where the page has
 * none), the value is the nearest number in the label's direction that reads as the field's type,
 * within {@code zone} when one is given. Otherwise the value is found by {@code zone} alone: the
 * {@code index}-th number in reading order that reads as the type (negative counts from the end,
 * -1 being the last).
 *
 * @param pattern the printed value must match it whole, when given
 * @param multiple every number found, not one (a column of line amounts)
 * @param above only numbers above this other field's value
 * @param below only numbers below this other field's value
 * @param join the digits of every number in the zone as one value: a comb field (one digit per
 *     box) that the reader may split into several numbers
 */
public record FieldSpec(String name, FieldType type, Optional<Zone> zone, Optional<LabelAnchor> label,
        Optional<Pattern> pattern, int index, boolean multiple, Optional<String> above, Optional<String> below,
        boolean join) {

    /** The page the field is on: its zone's, or its label zone's, else the first. */
    public int page() {
        return zone.map(Zone::page).or(() -> label.flatMap(LabelAnchor::zone).map(Zone::page)).orElse(1);
    }
}
