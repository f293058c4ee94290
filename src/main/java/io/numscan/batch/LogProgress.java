package io.numscan.batch;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Plain lines for logs: the counts every few seconds, and each failed file as it fails. */
final class LogProgress implements Progress {
    private final PrintStream out;
    private final ProgressCounts counts = new ProgressCounts();
    private final ScheduledExecutorService timer;

    LogProgress(PrintStream out, long everySeconds) {
        this.out = out;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "numscan-progress");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, everySeconds);
        timer.scheduleAtFixedRate(this::print, every, every, TimeUnit.SECONDS);
    }

    private void print() {
        out.println("numscan: batch: " + counts.line());
        out.flush();
    }

    @Override
    public void documentsFound(int more) {
        counts.documents.addAndGet(more);
    }

    @Override
    public void pagesDone(int pages) {
        counts.pages.addAndGet(pages);
    }

    @Override
    public void documentDone(DocumentOutcome outcome) {
        counts.done.incrementAndGet();
        if (!outcome.ok()) {
            counts.failed.incrementAndGet();
            out.println("numscan: error: " + outcome.file() + ": " + outcome.reason());
            out.flush();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        print();
    }
}
