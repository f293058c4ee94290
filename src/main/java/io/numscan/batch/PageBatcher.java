package io.numscan.batch;

import io.numscan.classify.CropNormalizer;
import io.numscan.classify.DigitClasses;
import io.numscan.classify.DigitClassifier;
import io.numscan.pipeline.PendingPage;
import io.numscan.pipeline.ScanService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Classifies the glyph crops of pages from any document in shared batches, on one thread of its
 * own: workers hand it prepared pages and go on rendering the next ones; each page's
 * probabilities go back to its worker, which assembles the page (that is as much work as
 * classifying it, and on this one thread it held the whole batch to one core's pace). Whatever
 * pages are waiting when the classifier becomes free go into one batch (up to {@code maxGlyphs}), so the
 * batches grow exactly when the workers outpace it. The queue is bounded, which keeps the
 * number of pages held in memory proportional to the number of workers.
 */
final class PageBatcher implements AutoCloseable {
    private record Item(PendingPage page, CompletableFuture<float[]> result) {
    }

    private final DigitClassifier classifier;
    private final int maxGlyphs;
    private final BlockingQueue<Item> queue;
    private final Thread thread;
    private volatile boolean closed;
    private long batches;
    private long glyphs;

    PageBatcher(DigitClassifier classifier, int queuedPages, int maxGlyphs) {
        this.classifier = classifier;
        this.maxGlyphs = maxGlyphs;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, queuedPages));
        this.thread = new Thread(this::loop, "numscan-classify");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The page's class probabilities, {@link DigitClasses#COUNT} per glyph in the order of its
     * crops, for {@link ScanService#finishPage}. Blocks while the queue is full.
     */
    CompletableFuture<float[]> submit(PendingPage page) throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("batcher is closed");
        }
        CompletableFuture<float[]> result = new CompletableFuture<>();
        if (page.glyphCount() == 0) {
            result.complete(new float[0]);
            return result;
        }
        queue.put(new Item(page, result));
        return result;
    }

    private void loop() {
        List<Item> batch = new ArrayList<>();
        float[] crops = new float[0];
        float[] probabilities = new float[0];
        while (!closed || !queue.isEmpty()) {
            Item first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                continue;
            }
            batch.clear();
            batch.add(first);
            int total = first.page().glyphCount();
            Item next;
            while (total < maxGlyphs && (next = queue.peek()) != null && total + next.page().glyphCount() <= maxGlyphs) {
                batch.add(queue.poll());
                total += next.page().glyphCount();
            }
            try {
                if (crops.length < total * CropNormalizer.PIXELS) {
                    crops = new float[total * CropNormalizer.PIXELS];
                    probabilities = new float[total * DigitClasses.COUNT];
                }
                int offset = 0;
                for (Item item : batch) {
                    item.page().copyCrops(crops, offset * CropNormalizer.PIXELS);
                    offset += item.page().glyphCount();
                }
                // One page may hold more glyphs than maxGlyphs; the classifier takes any count.
                classifier.predict(crops, total, probabilities);
                batches++;
                glyphs += total;
                offset = 0;
                for (Item item : batch) {
                    int from = offset * DigitClasses.COUNT;
                    offset += item.page().glyphCount();
                    item.result().complete(java.util.Arrays.copyOfRange(probabilities, from, offset * DigitClasses.COUNT));
                }
            } catch (RuntimeException | Error e) {
                for (Item item : batch) {
                    item.result().completeExceptionally(e);
                }
            }
        }
    }

    /** Mean glyphs per classifier call so far; for the summary. */
    double meanBatch() {
        return batches == 0 ? 0 : (double) glyphs / batches;
    }

    /** Classifies what is queued, then stops the thread. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
