package io.numscan.batch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Documents and pages done and the rates and ETA derived from them, shared by both progress displays. */
final class ProgressCounts {
    final AtomicInteger documents = new AtomicInteger();
    final AtomicInteger done = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger pages = new AtomicInteger();
    private final long start = System.nanoTime();

    double seconds() {
        return Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    }

    double pagesPerSecond() {
        return pages.get() / seconds();
    }

    /** Estimated time left from the document rate so far; null before the first document. */
    Duration eta() {
        int d = done.get();
        if (d == 0) {
            return null;
        }
        double perDoc = seconds() / d;
        return Duration.ofSeconds(Math.round(perDoc * Math.max(0, documents.get() - d)));
    }

    String line() {
        Duration eta = eta();
        return String.format(Locale.ROOT, "%d/%d documents, %d pages, %.2f pages/s, %d failed, ETA %s",
                done.get(), documents.get(), pages.get(), pagesPerSecond(), failed.get(), eta == null ? "?" : format(eta));
    }

    static String format(Duration d) {
        long s = d.getSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
