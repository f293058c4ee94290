package io.numscan.extract;

import java.util.List;

/**
 * A document layout: how to recognise it and where its fields are.
 *
 * @param source the file it was read from, for messages
 * @param checks rules the fields must obey, e.g. {@code net + tax = total}
 */
public record Template(String name, String source, DocumentMatch match, DateOrder dateOrder, List<FieldSpec> fields,
        List<Check> checks) {
    public Template {
        fields = List.copyOf(fields);
        checks = List.copyOf(checks);
    }
}
