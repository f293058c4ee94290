package io.numscan.output;

import io.numscan.extract.ExtractedDocument;
import io.numscan.extract.ExtractedField;
import io.numscan.extract.Template;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The fields CSV of {@code numscan extract}: one row per document, columns {@code file,template},
 * then {@code <field>,<field>_confidence} for every field of every template (in template order,
 * a name shared by templates once), then {@code flagged,warnings}. A field of the document's
 * template that was not found is empty with confidence 0; a field of another template is empty
 * with an empty confidence.
 */
public final class FieldsCsvOutput {
    private final List<String> fields;

    public FieldsCsvOutput(List<Template> templates) {
        Set<String> names = new LinkedHashSet<>();
        for (Template t : templates) {
            t.fields().forEach(f -> names.add(f.name()));
        }
        this.fields = List.copyOf(names);
    }

    public List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("file", "template"));
        for (String f : fields) {
            columns.add(f);
            columns.add(f + "_confidence");
        }
        columns.add("flagged");
        columns.add("warnings");
        return columns;
    }

    public void writeHeader(Writer out) throws IOException {
        out.write(String.join(",", columns().stream().map(CsvOutput::field).toList()));
        out.write('\n');
    }

    public void writeRow(ExtractedDocument document, Writer out) throws IOException {
        out.write(String.join(",", cells(document).stream().map(CsvOutput::field).toList()));
        out.write('\n');
    }

    /** The row's cells, unquoted, in {@link #columns()} order. */
    public List<String> cells(ExtractedDocument document) {
        List<String> cells = new ArrayList<>();
        cells.add(document.file());
        cells.add(document.template().orElse(""));
        for (String name : fields) {
            Optional<ExtractedField> f = document.field(name);
            cells.add(f.map(ExtractedField::text).orElse(""));
            cells.add(f.map(x -> String.format(Locale.ROOT, "%.4f", x.confidence())).orElse(""));
        }
        cells.add(Boolean.toString(document.flagged()));
        cells.add(String.join("; ", document.warnings()));
        return cells;
    }
}
