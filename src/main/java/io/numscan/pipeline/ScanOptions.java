package io.numscan.pipeline;

import io.numscan.assemble.AssembleOptions;
import io.numscan.ingest.IngestLimits;
import io.numscan.layout.LayoutOptions;
import io.numscan.preprocess.PreprocessOptions;

/**
 * Every tunable of the pipeline in one place, so front doors map their settings onto it.
 *
 * @param source where pages' numbers are read from
 */
public record ScanOptions(IngestLimits limits, PreprocessOptions preprocess, LayoutOptions layout,
        AssembleOptions assemble, int batchSize, NumberSource source) {
    public static final ScanOptions DEFAULT = new ScanOptions(IngestLimits.DEFAULT, PreprocessOptions.DEFAULT,
            LayoutOptions.DEFAULT, AssembleOptions.DEFAULT, 256, NumberSource.AUTO);

    public ScanOptions {
        java.util.Objects.requireNonNull(source, "source");
    }

    /** Options reading pages as {@link NumberSource#AUTO} does. */
    public ScanOptions(IngestLimits limits, PreprocessOptions preprocess, LayoutOptions layout,
            AssembleOptions assemble, int batchSize) {
        this(limits, preprocess, layout, assemble, batchSize, NumberSource.AUTO);
    }

    public ScanOptions withLimits(IngestLimits newLimits) {
        return new ScanOptions(newLimits, preprocess, layout, assemble, batchSize, source);
    }

    public ScanOptions withSource(NumberSource newSource) {
        return new ScanOptions(limits, preprocess, layout, assemble, batchSize, newSource);
    }
}
