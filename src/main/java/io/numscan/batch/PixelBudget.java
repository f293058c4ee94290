package io.numscan.batch;

import java.util.concurrent.Semaphore;

/**
 * How many page pixels the batch holds in memory at once: rendered, waiting for the classifier,
 * being classified or assembled. A worker takes a page's share before it renders the page and
 * the share comes back once the page is read, so a run of large pages waits for memory instead of running
 * out of it, while ordinary pages never wait. A page larger than the whole budget takes all of it
 * and is read alone.
 */
final class PixelBudget {
    /**
     * Java heap per working pixel of a page in flight: the grey page, the ink, faint-ink and
     * dark-ink images (a byte each), the connected-component labels (an int), and the decoder's
     * and converters' transient copies while it is read.
     */
    static final int BYTES_PER_PIXEL = 11;
    /** Heap kept out of the budget: the models, the classifier's batches, the framework. */
    static final long RESERVED_BYTES = 256L << 20;
    /** Permits are counted in units of this many pixels, so a 60-megapixel page fits an int. */
    private static final int UNIT = 1024;

    private final Semaphore units;
    private final int capacity;

    PixelBudget(long pixels) {
        this.capacity = (int) Math.max(1, Math.min(Integer.MAX_VALUE, pixels / UNIT));
        this.units = new Semaphore(capacity, true);
    }

    /** The budget a heap of {@code maxHeapBytes} affords (see {@link #BYTES_PER_PIXEL}). */
    static PixelBudget forHeap(long maxHeapBytes) {
        return new PixelBudget(Math.max(0, maxHeapBytes - RESERVED_BYTES) / BYTES_PER_PIXEL);
    }

    long capacityPixels() {
        return (long) capacity * UNIT;
    }

    /** Waits until {@code pixels} (or the whole budget, if they are more) are free, and takes them. */
    Lease acquire(long pixels) throws InterruptedException {
        int wanted = unitsFor(pixels);
        units.acquire(wanted);
        return new Lease(wanted);
    }

    /** Like {@link #acquire}, but only when the pixels are free now (and no one waits before); null otherwise. */
    Lease tryAcquire(long pixels) {
        int wanted = unitsFor(pixels);
        try {
            // With a timeout, unlike without, the semaphore keeps its fairness: no barging past a waiting large page.
            return units.tryAcquire(wanted, 0, java.util.concurrent.TimeUnit.NANOSECONDS) ? new Lease(wanted) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private int unitsFor(long pixels) {
        return (int) Math.max(1, Math.min(capacity, (pixels + UNIT - 1) / UNIT));
    }

    int availableUnits() {
        return units.availablePermits();
    }

    /** One page's share; giving it back twice gives it back once. */
    final class Lease {
        private int held;

        private Lease(int held) {
            this.held = held;
        }

        synchronized void release() {
            if (held > 0) {
                units.release(held);
                held = 0;
            }
        }
    }
}
