package io.numscan.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PixelBudgetTest {
    private static final long A4_300_DPI = 2480L * 3507;

    @Test
    void aHeapOfOneGigabyteHoldsAboutTenA4Pages() {
        PixelBudget budget = PixelBudget.forHeap(1152L << 20);
        long pages = budget.capacityPixels() / A4_300_DPI;
        assertTrue(pages >= 9 && pages <= 12, "A4 pages in flight: " + pages);
    }

    @Test
    void aLargePageWaitsUntilThePagesBeforeItAreReadThenHasTheBudgetToItself() throws Exception {
        PixelBudget budget = new PixelBudget(3 * A4_300_DPI);
        PixelBudget.Lease first = budget.acquire(A4_300_DPI);
        PixelBudget.Lease second = budget.acquire(A4_300_DPI);
        AtomicBoolean largeTaken = new AtomicBoolean();
        CountDownLatch largeDone = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                // Sixty megapixels, more than the whole budget: it takes all of it.
                PixelBudget.Lease large = budget.acquire(60_000_000L);
                largeTaken.set(true);
                assertEquals(0, budget.availableUnits());
                large.release();
                largeDone.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
        Thread.sleep(200);
        assertFalse(largeTaken.get(), "the large page must wait for the pages in flight");
        first.release();
        Thread.sleep(100);
        assertFalse(largeTaken.get(), "one page still in flight");
        second.release();
        assertTrue(largeDone.await(5, TimeUnit.SECONDS));
        worker.join();
        // Everything is back, and a release given twice counts once.
        second.release();
        assertEquals(budget.capacityPixels() / 1024, budget.availableUnits());
    }
}
