package io.numscan.batch;

import io.numscan.classify.ModelStore;
import io.numscan.pipeline.ScanOptions;
import io.numscan.pipeline.ScanService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The batch runner as a process of its own, for tests that kill it or send it SIGTERM:
 * {@code IN_DIR OUT_DIR JOBS [SETTLE_MS]}; a settle time turns on watch mode. Loads the model
 * from ./models like the CLI, without Quarkus, so it starts quickly.
 */
public final class BatchTestMain {
    private BatchTestMain() {
    }

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int jobs = Integer.parseInt(args[2]);
        BatchOptions options = BatchOptions.of(in, out, jobs);
        if (args.length > 3) {
            options = options.withWatch(Duration.ofMillis(Long.parseLong(args[3])), Duration.ofMillis(200));
        }
        ThreadBudget.beforeNativeLoad(jobs);
        ScanService service = ScanService.withModels(ScanOptions.DEFAULT, new ModelStore(Optional.empty()), "cnn");
        ThreadBudget.apply(jobs);
        BatchRunner runner = new BatchRunner(service, options, Progress.forStream(System.err, false, 2), System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runner.requestStop();
            try {
                runner.awaitFinished(Duration.ofMinutes(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        BatchSummary summary = runner.run();
        System.out.println(summary.line());
        System.exit(summary.exitCode());
    }
}
