package io.numscan.batch;

import io.numscan.output.CsvOutput;
import java.nio.file.Path;
import java.util.List;

/**
 * What became of one input file: read (now or by an earlier run) or failed, with a reason.
 *
 * @param rows the file's CSV rows without their leading {@code file} field, as the pipeline gave them
 * @param json where its JSON was written; null when it failed
 * @param resumed true when an earlier run had read the same content with the same model
 */
record DocumentOutcome(Path file, int pages, int numbers, List<String> rows, Path json, String reason, boolean resumed) {
    static final String UNSUPPORTED = "unsupported type";

    DocumentOutcome {
        rows = List.copyOf(rows);
    }

    static DocumentOutcome done(Path file, int pages, int numbers, List<String> rows, Path json, boolean resumed) {
        return new DocumentOutcome(file, pages, numbers, rows, json, null, resumed);
    }

    static DocumentOutcome failed(Path file, String reason) {
        return new DocumentOutcome(file, 0, 0, List.of(), null, reason, false);
    }

    boolean ok() {
        return reason == null;
    }

    /** This file's rows of numbers.csv, each ending with a newline. */
    void appendCsv(StringBuilder out) {
        String name = CsvOutput.field(file.toString());
        for (String row : rows) {
            out.append(name).append(',').append(row).append('\n');
        }
    }
}
