package io.numscan.extract;

import java.util.List;
import java.util.Optional;

/**
 * The fields of one document.
 *
 * @param template the template that matched, empty when none did
 * @param fields every field of the template, in its order, found or not
 * @param warnings in words: fields not found, checks failed or not made, no template matching
 * @param flagged true when a check failed: some value is probably misread
 */
public record ExtractedDocument(String file, Optional<String> template, List<ExtractedField> fields,
        List<CheckResult> checks, List<String> warnings, boolean flagged) {
    public ExtractedDocument {
        fields = List.copyOf(fields);
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
    }

    public Optional<ExtractedField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
