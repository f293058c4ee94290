package io.numscan.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.numscan.output.JsonOutput;
import java.util.Locale;

/**
 * @param documents documents read, now or by an earlier run (failed and unsupported files not counted)
 * @param scanned of those, read by this run
 * @param resumed of those, taken from an earlier run's results
 * @param pages pages of all documents read
 * @param pagesScanned pages read by this run
 * @param errors files in errors.csv
 * @param pagesPerSecond pages read by this run per second of wall time
 */
public record BatchSummary(int documents, int scanned, int resumed, int pages, int pagesScanned, int numbers,
        int errors, double wallSeconds, double pagesPerSecond) {

    /** 0 when every file was read, 1 when any failed or was not a supported type. */
    public int exitCode() {
        return errors == 0 ? 0 : 1;
    }

    public String line() {
        return String.format(Locale.ROOT,
                "numscan: batch: %d documents (%d scanned, %d resumed), %d pages, %d numbers, %d errors, %.2f pages/s, wall %.1f s",
                documents, scanned, resumed, pages, numbers, errors, pagesPerSecond, wallSeconds);
    }

    ObjectNode toJson() {
        ObjectNode o = JsonOutput.mapper().createObjectNode();
        o.put("documents", documents);
        o.put("scanned", scanned);
        o.put("resumed", resumed);
        o.put("pages", pages);
        o.put("pagesScanned", pagesScanned);
        o.put("numbers", numbers);
        o.put("errors", errors);
        o.put("pagesPerSecond", Math.round(pagesPerSecond * 100) / 100.0);
        o.put("wallSeconds", Math.round(wallSeconds * 10) / 10.0);
        return o;
    }
}
