package io.numscan.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which model to load; shared by every command that classifies. */
public class ModelOptions {
    @Option(names = "--model", defaultValue = "cnn", description = "Classifier: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ModelKind model;

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "Folder holding the model files (default: ./models if present, else the packaged model).")
    Path modelDir;

    enum ModelKind { cnn, svm, knn }
}
