package io.numscan.batch;

import io.numscan.pipeline.ScanService;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the pipeline over a folder: {@code jobs} workers render and segment documents, one
 * {@link PageBatcher} classifies their pages in shared batches, each finished document is stored
 * under {@code .state/} at once, and the folder-wide outputs are rebuilt from all outcomes
 * (at the end, or after every document in watch mode). Plain Java: the CLI and tests drive it.
 *
 * <p>{@link #requestStop()} (from a shutdown hook, say) lets documents in flight finish, writes
 * the outputs and makes {@link #run()} return; {@link #awaitFinished} waits for that.
 */
public final class BatchRunner {
    static final String INTERRUPTED = "not scanned: the run was stopped first; run again to resume";

    private final ScanService service;
    private final BatchOptions options;
    private final Progress progress;
    private final PrintStream log;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final NavigableMap<Path, DocumentOutcome> outcomes = new ConcurrentSkipListMap<>();
    private long start;

    public BatchRunner(ScanService service, BatchOptions options, Progress progress, PrintStream log) {
        this.service = service;
        this.options = options;
        this.progress = progress;
        this.log = log;
    }

    public BatchSummary run() throws IOException, InterruptedException {
        start = System.nanoTime();
        try {
            Path out = options.output();
            Files.createDirectories(out);
            AtomicFiles.removeLeftovers(out);
            // Results read with another source (text layer or pixels) are other results.
            ResultStore store = new ResultStore(out, service.classifier().info().version()
                    + " source=" + service.options().source().name().toLowerCase(java.util.Locale.ROOT));
            InputFolder folder = new InputFolder(options.input(), out);
            int jobs = options.jobs();
            ExecutorService workers = Executors.newFixedThreadPool(jobs, new NamedThreads("numscan-worker"));
            // Twice the workers: each can hand over a page and render the next while the batch runs.
            PageBatcher batcher = new PageBatcher(service.classifier(), 2 * jobs, Math.max(1, service.options().batchSize()) * 2);
            PixelBudget budget = PixelBudget.forHeap(Runtime.getRuntime().maxMemory());
            DocumentProcessor processor = new DocumentProcessor(service, batcher, budget, store, options.input(), out, progress);
            try {
                if (options.watch()) {
                    watch(folder, workers, processor);
                } else {
                    once(folder, workers, processor);
                }
            } finally {
                workers.shutdown();
                while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                    log.println("numscan: batch: waiting for documents in flight");
                }
                batcher.close();
                progress.close();
            }
            return writeOutputs();
        } finally {
            finished.countDown();
        }
    }

    /** Asks the run to stop taking documents; those in flight finish and the outputs are written. */
    public void requestStop() {
        stop.countDown();
    }

    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean stopping() {
        return stop.getCount() == 0;
    }

    private void once(InputFolder folder, ExecutorService workers, DocumentProcessor processor)
            throws IOException, InterruptedException {
        List<Future<?>> running = new ArrayList<>();
        List<InputFolder.Entry> entries = folder.list();
        progress.documentsFound((int) entries.stream().filter(InputFolder.Entry::supported).count());
        for (InputFolder.Entry e : entries) {
            if (!e.supported()) {
                outcomes.put(e.path(), DocumentOutcome.failed(e.path(), DocumentOutcome.UNSUPPORTED));
                continue;
            }
            running.add(workers.submit(() -> {
                DocumentOutcome o = stopping() ? DocumentOutcome.failed(e.path(), INTERRUPTED) : processor.process(e.path());
                outcomes.put(e.path(), o);
                progress.documentDone(o);
                return null;
            }));
        }
        for (Future<?> f : running) {
            await(f);
        }
    }

    /** A file's size and modification time when seen, and since when they have not changed. */
    private record Seen(long size, long modified, long sinceNanos) {
    }

    private void watch(InputFolder folder, ExecutorService workers, DocumentProcessor processor)
            throws IOException, InterruptedException {
        Map<Path, Seen> seen = new HashMap<>();
        Map<Path, Seen> taken = new HashMap<>(); // the version of each file last processed
        Set<Path> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
        log.println("numscan: watching " + options.input() + " (settle " + options.settle().toMillis() + " ms); stop with Ctrl+C or SIGTERM");
        log.flush();
        writeOutputs();
        while (!stopping()) {
            long now = System.nanoTime();
            Set<Path> present = new HashSet<>();
            for (InputFolder.Entry e : folder.list()) {
                if (stopping()) {
                    break;
                }
                Path p = e.path();
                present.add(p);
                Seen before = seen.get(p);
                if (before == null || before.size() != e.size() || before.modified() != e.modifiedMillis()) {
                    seen.put(p, new Seen(e.size(), e.modifiedMillis(), now));
                    continue;
                }
                Seen last = taken.get(p);
                boolean sameAsTaken = last != null && last.size() == e.size() && last.modified() == e.modifiedMillis();
                if (sameAsTaken || inFlight.contains(p) || now - before.sinceNanos() < options.settle().toNanos()) {
                    continue;
                }
                taken.put(p, before);
                if (!e.supported()) {
                    outcomes.put(p, DocumentOutcome.failed(p, DocumentOutcome.UNSUPPORTED));
                    log.println("numscan: error: " + p + ": " + DocumentOutcome.UNSUPPORTED);
                    writeOutputs();
                    continue;
                }
                inFlight.add(p);
                progress.documentsFound(1);
                workers.submit(() -> {
                    try {
                        DocumentOutcome o = processor.process(p);
                        outcomes.put(p, o);
                        progress.documentDone(o);
                        log.println("numscan: " + (o.ok() ? "done: " + p + ": " + o.numbers() + " numbers" : "error: " + p + ": " + o.reason()));
                        log.flush();
                        writeOutputs();
                    } catch (IOException e2) {
                        log.println("numscan: error: cannot write the outputs: " + e2.getMessage());
                    } finally {
                        inFlight.remove(p);
                    }
                    return null;
                });
            }
            seen.keySet().retainAll(present);
            stop.await(options.poll().toMillis(), TimeUnit.MILLISECONDS);
        }
        log.println("numscan: stopping: finishing " + inFlight.size() + " document(s) in flight");
        log.flush();
    }

    private synchronized BatchSummary writeOutputs() throws IOException {
        double wall = (System.nanoTime() - start) / 1e9;
        List<DocumentOutcome> all = new ArrayList<>(outcomes.values());
        BatchSummary summary = BatchOutputs.summarize(all, wall);
        BatchOutputs.write(options.output(), all, summary, options.combinedJson());
        return summary;
    }

    private static void await(Future<?> f) throws InterruptedException, IOException {
        try {
            f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    private static final class NamedThreads implements java.util.concurrent.ThreadFactory {
        private final String prefix;
        private final AtomicInteger next = new AtomicInteger(1);

        NamedThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, prefix + "-" + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        }
    }
}
