package io.numscan.batch;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param input folder walked recursively for documents
 * @param output folder receiving numbers.csv, errors.csv, summary.json, json/ and .state/
 * @param jobs worker threads that render and segment pages
 * @param combinedJson also write numbers.json (every document and error, as {@code scan --format json})
 * @param watch keep running and process files dropped into {@code input}
 * @param settle a file is taken once its size and modification time stayed unchanged this long
 * @param poll how often the folder is looked at in watch mode
 */
public record BatchOptions(Path input, Path output, int jobs, boolean combinedJson, boolean watch,
        Duration settle, Duration poll) {
    public BatchOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, was " + jobs);
        }
        if (settle.isNegative() || poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("settle must not be negative and poll must be positive");
        }
    }

    public static BatchOptions of(Path input, Path output, int jobs) {
        return new BatchOptions(input, output, jobs, false, false, Duration.ofSeconds(2), Duration.ofMillis(500));
    }

    public BatchOptions withWatch(Duration newSettle, Duration newPoll) {
        return new BatchOptions(input, output, jobs, combinedJson, true, newSettle, newPoll);
    }

    public BatchOptions withCombinedJson(boolean json) {
        return new BatchOptions(input, output, jobs, json, watch, settle, poll);
    }
}
