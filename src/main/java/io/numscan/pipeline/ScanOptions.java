package io.numscan.pipeline;

import io.numscan.assemble.AssembleOptions;
import io.numscan.ingest.IngestLimits;
import io.numscan.layout.LayoutOptions;
import io.numscan.preprocess.PreprocessOptions;

/** Every tunable of the pipeline in one place, so front doors map their settings onto it. */
public record ScanOptions(IngestLimits limits, PreprocessOptions preprocess, LayoutOptions layout,
        AssembleOptions assemble, int batchSize) {
    public static final ScanOptions DEFAULT = new ScanOptions(IngestLimits.DEFAULT, PreprocessOptions.DEFAULT,
            LayoutOptions.DEFAULT, AssembleOptions.DEFAULT, 256);

    public ScanOptions withLimits(IngestLimits newLimits) {
        return new ScanOptions(newLimits, preprocess, layout, assemble, batchSize);
    }
}
