package io.numscan.batch;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar over documents for a terminal; pages and their rate ride along as its message. */
final class BarProgress implements Progress {
    private final PrintStream out;
    private final ProgressCounts counts = new ProgressCounts();
    private final ProgressBar bar;

    BarProgress(PrintStream out) {
        this.out = out;
        this.bar = new ProgressBarBuilder()
                .setTaskName("documents")
                .setInitialMax(0)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(out))
                .build();
    }

    @Override
    public synchronized void documentsFound(int more) {
        bar.maxHint(counts.documents.addAndGet(more));
    }

    @Override
    public void pagesDone(int pages) {
        counts.pages.addAndGet(pages);
        message();
    }

    @Override
    public synchronized void documentDone(DocumentOutcome outcome) {
        counts.done.incrementAndGet();
        if (!outcome.ok()) {
            counts.failed.incrementAndGet();
        }
        bar.step();
        message();
    }

    private void message() {
        bar.setExtraMessage(String.format(Locale.ROOT, "%d pages, %.2f pages/s, %d failed",
                counts.pages.get(), counts.pagesPerSecond(), counts.failed.get()));
    }

    @Override
    public void close() {
        bar.close();
        out.println("numscan: batch: " + counts.line());
    }
}
