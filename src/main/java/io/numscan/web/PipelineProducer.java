package io.numscan.web;

import io.numscan.classify.DigitClassifier;
import io.numscan.classify.HandwritingClassifier;
import io.numscan.classify.ModelStore;
import io.numscan.ingest.IngestLimits;
import io.numscan.pipeline.ScanOptions;
import io.numscan.pipeline.ScanService;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires the plain-Java pipeline into CDI for the HTTP front door; the model is loaded once. */
public class PipelineProducer {

    @Produces
    @Singleton
    DigitClassifier classifier(@ConfigProperty(name = "numscan.model-dir") Optional<String> modelDir,
            @ConfigProperty(name = "numscan.model", defaultValue = "cnn") String kind) {
        try {
            return new ModelStore(modelDir.map(Path::of)).load(kind);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the " + kind + " model: " + e.getMessage(), e);
        }
    }

    void close(@Disposes DigitClassifier classifier) {
        classifier.close();
    }

    @Produces
    @Singleton
    ScanService scanService(DigitClassifier classifier, WebConfig config,
            @ConfigProperty(name = "numscan.model-dir") Optional<String> modelDir) {
        try {
            HandwritingClassifier handwriting = new ModelStore(modelDir.map(Path::of)).loadHandwriting().orElse(null);
            return new ScanService(ScanOptions.DEFAULT.withLimits(limits(config)), classifier, handwriting);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the handwriting model: " + e.getMessage(), e);
        }
    }

    static IngestLimits limits(WebConfig config) {
        IngestLimits d = IngestLimits.DEFAULT;
        return new IngestLimits(d.renderDpi(), config.maxPagePixels(), config.maxPages(),
                config.maxUploadSize().asLongValue());
    }
}
