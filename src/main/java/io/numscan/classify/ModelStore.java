package io.numscan.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a model by kind ({@link #KINDS}): in a folder given by the user, else in {@code models/}
 * of the working directory, else the copy packaged in the application. Never downloads anything.
 */
public final class ModelStore {
    public static final String PACKAGED_PREFIX = "models/";
    public static final List<String> KINDS = List.of("cnn", "svm", "knn");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<Path> directory;

    /** Where a model's files were found. */
    public record Located(String kind, ModelMetadata metadata, String source, long sizeBytes, Opener weights) {
    }

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

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
        Located m = locate(kind);
        try (InputStream in = m.weights().open()) {
            return switch (m.kind()) {
                case "cnn" -> CnnDigitClassifier.load(in, m.metadata(), m.source());
                case "svm" -> SvmDigitClassifier.load(in, m.metadata(), m.source());
                case "knn" -> KnnDigitClassifier.load(in, m.metadata(), m.source());
                default -> throw new IllegalStateException(m.kind());
            };
        }
    }

    /**
     * The form fields' handwriting reader, looked for where the classifiers are; empty when it is
     * not there (fields are then read by the page classifier alone).
     */
    public Optional<HandwritingClassifier> loadHandwriting() throws IOException {
        Optional<Located> m = find(HandwritingClassifier.KIND);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = m.get().weights().open()) {
            return Optional.of(HandwritingClassifier.load(in, m.get().metadata(), m.get().source()));
        }
    }

    /** Finds the model's files and reads its metadata, without loading the weights. */
    public Located locate(String kind) throws IOException {
        String k = kind.toLowerCase(Locale.ROOT);
        if (!KINDS.contains(k)) {
            throw new IOException("unknown model kind '" + kind + "' (available: " + String.join(", ", KINDS) + ")");
        }
        Optional<Located> found = find(k);
        if (found.isPresent()) {
            return found.get();
        }
        if (directory.isPresent()) {
            throw new IOException("no " + k + " model in " + directory.get() + " (expected " + weightsFile(k)
                    + " and " + metadataFile(k) + ")");
        }
        throw new IOException("no " + k + " model found (looked in " + candidateDirectories()
                + " and in the application); run `numscan train --model " + k + "` to make one");
    }

    private Optional<Located> find(String k) throws IOException {
        for (Path dir : candidateDirectories()) {
            Path weights = dir.resolve(weightsFile(k));
            Path meta = dir.resolve(metadataFile(k));
            if (Files.isRegularFile(weights) && Files.isRegularFile(meta)) {
                ModelMetadata metadata = JSON.readValue(meta.toFile(), ModelMetadata.class);
                return Optional.of(new Located(k, metadata, weights.toString(), Files.size(weights),
                        () -> Files.newInputStream(weights)));
            }
        }
        if (directory.isPresent()) {
            return Optional.empty();
        }
        ClassLoader loader = ModelStore.class.getClassLoader();
        String weightsResource = PACKAGED_PREFIX + weightsFile(k);
        try (InputStream meta = loader.getResourceAsStream(PACKAGED_PREFIX + metadataFile(k));
                InputStream weights = loader.getResourceAsStream(weightsResource)) {
            if (meta != null && weights != null) {
                ModelMetadata metadata = JSON.readValue(meta, ModelMetadata.class);
                long size = weights.transferTo(java.io.OutputStream.nullOutputStream());
                return Optional.of(new Located(k, metadata, "packaged " + weightsResource, size, () -> {
                    InputStream in = loader.getResourceAsStream(weightsResource);
                    if (in == null) {
                        throw new IOException("packaged " + weightsResource + " disappeared");
                    }
                    return in;
                }));
            }
        }
        return Optional.empty();
    }

    private List<Path> candidateDirectories() {
        return directory.map(List::of).orElseGet(() -> List.of(Path.of("models")));
    }
}
