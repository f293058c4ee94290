package io.numscan.bench;

import java.util.List;

/**
 * @param passes timed passes over the pages for stage times
 * @param batchSizes classifier batch sizes to time
 * @param seconds measuring time per batch size
 * @param jobs worker counts of the end-to-end batch runs
 * @param batchPages pages per end-to-end batch run
 * @param tesseractPages pages Tesseract reads for its pages/s
 * @param skip parts left out
 */
public record BenchOptions(int passes, List<Integer> batchSizes, double seconds, List<Integer> jobs, int batchPages,
        int tesseractPages, List<Part> skip) {
    /** The parts of a bench run. */
    public enum Part { classifier, stages, batch, tesseract }

    public BenchOptions {
        batchSizes = List.copyOf(batchSizes);
        jobs = List.copyOf(jobs);
        skip = List.copyOf(skip);
        if (passes < 1) {
            throw new IllegalArgumentException("--passes must be at least 1");
        }
        if (batchSizes.isEmpty() || batchSizes.stream().anyMatch(b -> b < 1 || b > 65536)) {
            throw new IllegalArgumentException("--batch-sizes must be between 1 and 65536");
        }
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("--seconds must be positive");
        }
        if (jobs.isEmpty() || jobs.stream().anyMatch(j -> j < 1)) {
            throw new IllegalArgumentException("--jobs must be positive");
        }
        if (batchPages < 1 || tesseractPages < 1) {
            throw new IllegalArgumentException("--batch-pages and --tesseract-pages must be positive");
        }
    }

    public boolean runs(Part part) {
        return !skip.contains(part);
    }
}
