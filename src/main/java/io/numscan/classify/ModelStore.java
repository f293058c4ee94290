package io.numscan.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a model by kind: in a folder given by the user, else in {@code models/} of the working
 * directory, else the copy packaged in the application. Never downloads anything.
 */
public final class ModelStore {
    public static final String PACKAGED_PREFIX = "models/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<Path> directory;

    public ModelStore(Optional<Path> directory) {
        this.directory = directory;
    }

    public static String weightsFile(String kind) {
        return kind + "-digits.zip";
    }

    public static String metadataFile(String kind) {
        return kind + "-digits.json";
    }

    public DigitClassifier load(String kind) throws IOException {
        String k = kind.toLowerCase(Locale.ROOT);
        if (!k.equals("cnn")) {
            throw new IOException("unknown model kind '" + kind + "' (available: cnn)");
        }
        for (Path dir : candidateDirectories()) {
            Path weights = dir.resolve(weightsFile(k));
            Path meta = dir.resolve(metadataFile(k));
            if (Files.isRegularFile(weights) && Files.isRegularFile(meta)) {
                ModelMetadata metadata = JSON.readValue(meta.toFile(), ModelMetadata.class);
                try (InputStream in = Files.newInputStream(weights)) {
                    return CnnDigitClassifier.load(in, metadata, weights.toString());
                }
            }
        }
        if (directory.isPresent()) {
            throw new IOException("no " + k + " model in " + directory.get() + " (expected " + weightsFile(k)
                    + " and " + metadataFile(k) + ")");
        }
        ClassLoader loader = ModelStore.class.getClassLoader();
        try (InputStream meta = loader.getResourceAsStream(PACKAGED_PREFIX + metadataFile(k));
                InputStream weights = loader.getResourceAsStream(PACKAGED_PREFIX + weightsFile(k))) {
            if (meta != null && weights != null) {
                ModelMetadata metadata = JSON.readValue(meta, ModelMetadata.class);
                return CnnDigitClassifier.load(weights, metadata, "packaged " + PACKAGED_PREFIX + weightsFile(k));
            }
        }
        throw new IOException("no " + k + " model found (looked in " + candidateDirectories()
                + " and in the application); run `numscan train` to make one");
    }

    private java.util.List<Path> candidateDirectories() {
        return directory.map(java.util.List::of).orElseGet(() -> java.util.List.of(Path.of("models")));
    }
}
