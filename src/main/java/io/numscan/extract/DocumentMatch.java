package io.numscan.extract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a template recognises its own documents: all its keywords in the first page's text layer,
 * or any of its printed numbers (a form number, an invoice number's shape) in its zone. A template
 * with neither takes any document no other template takes.
 */
public record DocumentMatch(List<String> keywords, List<PrintedNumber> printed) {
    public DocumentMatch {
        keywords = List.copyOf(keywords);
        printed = List.copyOf(printed);
    }

    public static final DocumentMatch ANY = new DocumentMatch(List.of(), List.of());

    public boolean matchesAny() {
        return keywords.isEmpty() && printed.isEmpty();
    }

    /** A number printed in {@code zone} whose text matches {@code pattern} whole. */
    public record PrintedNumber(Zone zone, Pattern pattern) {
    }
}
