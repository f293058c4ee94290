package io.numscan.evaluate;

import io.numscan.extract.ExtractedDocument;
import io.numscan.extract.ExtractedField;
import io.numscan.extract.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Field-level accuracy of {@code numscan extract} against an expected CSV ({@code file,template,kind,
 * <field>...}, as {@code numscan samples --fields-corpus} writes it): per template and kind of
 * document, how many fields came out exactly right, how many were left empty and how many were
 * wrong, and how many documents with a wrong field a check flagged.
 */
public final class FieldAccuracy {

    /** One expected row; documents are matched by file name, without folders. */
    public record ExpectedRow(String file, String template, String kind, Map<String, String> values) {
    }

    /** The counts of one group (a template and a kind of document) or of one field in it. */
    public static final class Tally {
        int documents;
        int documentsRight;
        int fields;
        int right;
        int empty;
        int wrongDocumentsFlagged;
        int rightDocumentsFlagged;
        final Map<String, int[]> perField = new LinkedHashMap<>();

        public double accuracy() {
            return fields == 0 ? 0 : (double) right / fields;
        }

        public int fields() {
            return fields;
        }

        public int right() {
            return right;
        }
    }

    private final Map<String, ExpectedRow> expected = new LinkedHashMap<>();
    private final Map<String, Template> templates = new LinkedHashMap<>();
    private final Map<String, Tally> groups = new LinkedHashMap<>();
    private final List<String> mistakes = new ArrayList<>();

    public FieldAccuracy(List<ExpectedRow> rows, List<Template> templates) {
        rows.forEach(r -> expected.put(r.file(), r));
        templates.forEach(t -> this.templates.put(t.name(), t));
    }

    /** Reads an expected CSV; every column after {@code file,template,kind} is a field. */
    public static List<ExpectedRow> readExpected(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(csv + ": empty, expected a header file,template,kind,<fields>");
        }
        List<String> header = parseLine(lines.get(0));
        if (header.size() < 3 || !header.subList(0, 3).equals(List.of("file", "template", "kind"))) {
            throw new IOException(csv + ": the header must start with file,template,kind; was " + lines.get(0));
        }
        List<ExpectedRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cells = parseLine(lines.get(i));
            if (cells.size() != header.size()) {
                throw new IOException(csv + ": line " + (i + 1) + " has " + cells.size() + " cells, the header " + header.size());
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 3; c < header.size(); c++) {
                values.put(header.get(c), cells.get(c));
            }
            rows.add(new ExpectedRow(Path.of(cells.get(0)).getFileName().toString(), cells.get(1), cells.get(2), values));
        }
        return rows;
    }

    /** One RFC 4180 line (no line breaks inside cells). */
    static List<String> parseLine(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** Counts one extracted document; documents absent from the expected CSV are ignored. */
    public void add(ExtractedDocument doc) {
        String name = Path.of(doc.file()).getFileName().toString();
        ExpectedRow want = expected.get(name);
        if (want == null) {
            return;
        }
        Template template = templates.get(want.template());
        if (template == null) {
            throw new IllegalArgumentException("expected template '" + want.template() + "' of " + name + " is not loaded");
        }
        Tally tally = groups.computeIfAbsent(want.template() + " / " + want.kind(), k -> new Tally());
        tally.documents++;
        boolean sameTemplate = doc.template().equals(Optional.of(want.template()));
        int wrongHere = 0;
        for (var spec : template.fields()) {
            String expectedValue = want.values().getOrDefault(spec.name(), "");
            Optional<ExtractedField> got = sameTemplate ? doc.field(spec.name()) : Optional.empty();
            int[] f = tally.perField.computeIfAbsent(spec.name(), k -> new int[3]);
            tally.fields++;
            if (got.isPresent() && got.get().found() && got.get().text().equals(expectedValue)) {
                tally.right++;
                f[0]++;
            } else {
                wrongHere++;
                if (got.isEmpty() || !got.get().found()) {
                    tally.empty++;
                    f[1]++;
                } else {
                    f[2]++;
                }
                mistakes.add(name + " " + spec.name() + ": expected " + expectedValue + ", got "
                        + got.filter(ExtractedField::found).map(ExtractedField::text).orElse("(empty)"));
            }
        }
        if (wrongHere == 0) {
            tally.documentsRight++;
            if (doc.flagged()) {
                tally.rightDocumentsFlagged++;
            }
        } else if (doc.flagged()) {
            tally.wrongDocumentsFlagged++;
        }
    }

    public Map<String, Tally> groups() {
        return groups;
    }

    public List<String> mistakes() {
        return List.copyOf(mistakes);
    }

    /** The report in words, one block per group. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        int fields = 0;
        int right = 0;
        for (Map.Entry<String, Tally> e : groups.entrySet()) {
            Tally t = e.getValue();
            fields += t.fields;
            right += t.right;
            sb.append(String.format(Locale.ROOT, "%s: %d documents, fields right %d/%d (%.1f %%), empty %d, wrong %d; "
                            + "documents all right %d/%d; documents with a wrong field flagged by a check %d/%d; "
                            + "right documents flagged %d%n",
                    e.getKey(), t.documents, t.right, t.fields, 100.0 * t.accuracy(), t.empty, t.fields - t.right - t.empty,
                    t.documentsRight, t.documents, t.wrongDocumentsFlagged, t.documents - t.documentsRight,
                    t.rightDocumentsFlagged));
            for (Map.Entry<String, int[]> f : t.perField.entrySet()) {
                int[] c = f.getValue();
                int n = c[0] + c[1] + c[2];
                sb.append(String.format(Locale.ROOT, "  %-16s %5.1f %%  (right %d, empty %d, wrong %d)%n", f.getKey(),
                        100.0 * c[0] / n, c[0], c[1], c[2]));
            }
        }
        sb.append(String.format(Locale.ROOT, "all: fields right %d/%d (%.1f %%)%n", right, fields,
                fields == 0 ? 0.0 : 100.0 * right / fields));
        return sb.toString();
    }
}
