package io.numscan.extract;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A field's value read for its type.
 *
 * @param text as written to the CSV: an amount as a plain decimal ({@code -1234.56}), an integer
 *        without separators, a date in ISO 8601, an id as printed
 * @param number the numeric value of an amount or integer, for checks
 */
public record TypedValue(String text, Optional<BigDecimal> number) {
}
