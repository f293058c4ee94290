package io.numscan.extract;

import java.util.Optional;

/**
 * The label a field's value is found beside.
 *
 * @param text the label's words, found in the page's text layer (case and surrounding punctuation
 *        ignored); empty when the label is only described by position
 * @param zone where the label is: the area its text is searched in, or, for a page without a text
 *        layer (a scan), the label's own place on the page
 * @param direction where the value lies from the label
 * @param maxDistance how far from the label the value may start, as a fraction of the page's width
 *        (for left and right) or height (for above and below)
 */
public record LabelAnchor(Optional<String> text, Optional<Zone> zone, Direction direction, double maxDistance) {
}
