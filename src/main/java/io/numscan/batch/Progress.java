package io.numscan.batch;

import java.io.PrintStream;

/**
 * What the runner tells about its advance. Called from worker threads; implementations are
 * thread-safe. {@link #forStream} picks a progress bar on a terminal and log lines otherwise.
 */
public interface Progress extends AutoCloseable {
    /** {@code more} documents were found to do (called again in watch mode as files arrive). */
    void documentsFound(int more);

    void pagesDone(int pages);

    void documentDone(DocumentOutcome outcome);

    @Override
    void close();

    Progress NONE = new Progress() {
        @Override
        public void documentsFound(int more) {
        }

        @Override
        public void pagesDone(int pages) {
        }

        @Override
        public void documentDone(DocumentOutcome outcome) {
        }

        @Override
        public void close() {
        }
    };

    /**
     * @param terminal true when a person watches (System.console() != null): a progress bar;
     *     otherwise a line every {@code logEverySeconds}, for log files
     */
    static Progress forStream(PrintStream out, boolean terminal, long logEverySeconds) {
        return terminal ? new BarProgress(out) : new LogProgress(out, logEverySeconds);
    }
}
