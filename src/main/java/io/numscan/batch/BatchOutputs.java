package io.numscan.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.numscan.output.CsvOutput;
import io.numscan.output.JsonOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The folder-wide outputs, rebuilt from every file's outcome and each written atomically:
 * numbers.csv (sorted by file, then page and the pipeline's order), errors.csv, summary.json and,
 * when asked, numbers.json. Since they derive only from the outcomes, a resumed run writes the
 * same bytes as an uninterrupted one.
 */
final class BatchOutputs {
    static final String NUMBERS = "numbers.csv";
    static final String ERRORS = "errors.csv";
    static final String SUMMARY = "summary.json";
    static final String COMBINED_JSON = "numbers.json";

    private BatchOutputs() {
    }

    /** @param outcomes sorted by file */
    static void write(Path out, Collection<DocumentOutcome> outcomes, BatchSummary summary, boolean combinedJson) throws IOException {
        StringBuilder numbers = new StringBuilder(CsvOutput.HEADER).append('\n');
        StringBuilder errors = new StringBuilder("file,reason\n");
        for (DocumentOutcome o : outcomes) {
            if (o.ok()) {
                o.appendCsv(numbers);
            } else {
                errors.append(CsvOutput.field(o.file().toString())).append(',').append(CsvOutput.field(o.reason())).append('\n');
            }
        }
        AtomicFiles.write(out.resolve(NUMBERS), numbers.toString());
        AtomicFiles.write(out.resolve(ERRORS), errors.toString());
        if (combinedJson) {
            AtomicFiles.write(out.resolve(COMBINED_JSON), combined(outcomes));
        }
        ObjectMapper mapper = JsonOutput.mapper();
        AtomicFiles.write(out.resolve(SUMMARY), mapper.writeValueAsString(summary.toJson()) + "\n");
    }

    private static String combined(Collection<DocumentOutcome> outcomes) throws IOException {
        ObjectMapper mapper = JsonOutput.mapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode docs = root.putArray("documents");
        ArrayNode errs = root.putArray("errors");
        for (DocumentOutcome o : outcomes) {
            if (o.ok()) {
                JsonNode doc = mapper.readTree(o.json().toFile());
                docs.add(doc);
            } else {
                errs.addObject().put("file", o.file().toString()).put("reason", o.reason());
            }
        }
        return mapper.writeValueAsString(root) + "\n";
    }

    static BatchSummary summarize(Collection<DocumentOutcome> outcomes, double wallSeconds) {
        int documents = 0;
        int scanned = 0;
        int resumed = 0;
        int pages = 0;
        int pagesScanned = 0;
        int numbers = 0;
        int errors = 0;
        for (DocumentOutcome o : outcomes) {
            if (!o.ok()) {
                errors++;
                continue;
            }
            documents++;
            pages += o.pages();
            numbers += o.numbers();
            if (o.resumed()) {
                resumed++;
            } else {
                scanned++;
                pagesScanned += o.pages();
            }
        }
        return new BatchSummary(documents, scanned, resumed, pages, pagesScanned, numbers, errors, wallSeconds,
                pagesScanned / Math.max(1e-9, wallSeconds));
    }
}
