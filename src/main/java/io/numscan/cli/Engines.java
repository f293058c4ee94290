package io.numscan.cli;

import io.numscan.classify.DigitClassifier;
import io.numscan.classify.HandwritingClassifier;
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

    /** The form fields' handwriting reader from the same place as the classifier; null when there is none. */
    static HandwritingClassifier handwriting(ModelOptions model) throws IOException {
        return new ModelStore(Optional.ofNullable(model.modelDir)).loadHandwriting().orElse(null);
    }

    static ScanService scanService(ModelOptions model, ScanOptions options) throws IOException {
        return ScanService.withModels(options, new ModelStore(Optional.ofNullable(model.modelDir)), model.model.name());
    }
}
