package io.numscan.cli;

import io.numscan.classify.DigitClassifier;
import io.numscan.classify.ModelStore;
import io.numscan.pipeline.ScanOptions;
import io.numscan.pipeline.ScanService;
import java.io.IOException;
import java.util.Optional;

/** Builds the pipeline for a command from its options. */
final class Engines {
    private Engines() {
    }

    static DigitClassifier classifier(ModelOptions model) throws IOException {
        return new ModelStore(Optional.ofNullable(model.modelDir)).load(model.model.name());
    }

    static ScanService scanService(ModelOptions model, ScanOptions options) throws IOException {
        return new ScanService(options, classifier(model));
    }
}
