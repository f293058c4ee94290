package io.numscan.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of scanner threads and a short queue in front of them. When both are full a
 * scan is refused at once ({@link Busy}) instead of piling up memory and waiting time.
 */
@ApplicationScoped
public class ScanPool {
    private final ThreadPoolExecutor executor;
    private final int size;
    private final int queue;
    private final long retryAfterSeconds;

    /** Thrown when every scanner is busy and the queue is full. */
    public static final class Busy extends Exception {
        private final long retryAfterSeconds;

        Busy(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    @Inject
    ScanPool(WebConfig config, MeterRegistry registry) {
        this.size = Math.max(1, config.pool().size());
        this.queue = Math.max(0, config.pool().queue());
        this.retryAfterSeconds = Math.max(1, config.pool().retryAfter().toSeconds());
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS,
                queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = new Thread(r, "numscan-scan-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
        Gauge.builder("numscan.scan.pool.active", executor, ThreadPoolExecutor::getActiveCount)
                .description("Scans running now").register(registry);
        Gauge.builder("numscan.scan.pool.queued", executor, e -> e.getQueue().size())
                .description("Scans waiting for a free scanner").register(registry);
    }

    /** Runs {@code task} on a scanner thread, or refuses at once when none is free and the queue is full. */
    public <T> CompletableFuture<T> submit(Callable<T> task) throws Busy {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new Busy("the server is busy: " + size + " scan(s) running and " + queue
                    + " waiting; try again in " + retryAfterSeconds + " s", retryAfterSeconds);
        }
        return result;
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
