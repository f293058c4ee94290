package io.numscan.bench;

import io.numscan.pipeline.Stage;
import io.numscan.pipeline.StageTimer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Sums the time of each stage over many pages; thread-safe. */
public final class StageTimes implements StageTimer {
    private final Map<Stage, LongAdder> nanos = new EnumMap<>(Stage.class);
    private final LongAdder pages = new LongAdder();

    public StageTimes() {
        for (Stage s : Stage.values()) {
            nanos.put(s, new LongAdder());
        }
    }

    @Override
    public void record(Stage stage, long elapsed) {
        nanos.get(stage).add(elapsed);
    }

    public void pageDone() {
        pages.increment();
    }

    public long pages() {
        return pages.sum();
    }

    /** Mean milliseconds per page in {@code stage}; 0 before any page. */
    public double msPerPage(Stage stage) {
        long n = pages();
        return n == 0 ? 0 : nanos.get(stage).sum() / 1e6 / n;
    }

    public double totalMsPerPage() {
        double sum = 0;
        for (Stage s : Stage.values()) {
            sum += msPerPage(s);
        }
        return sum;
    }
}
