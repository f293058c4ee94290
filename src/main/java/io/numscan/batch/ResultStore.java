package io.numscan.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Remembers every document read, under {@code OUT_DIR/.state/docs/}, one file per document
 * named after the SHA-256 of its content and of the model version (and the source pages are
 * read from): a re-run with the same model skips content it has read before, wherever the file
 * now lies, and a new model reads everything again. Each file is written atomically once the document's results are complete,
 * so its presence is the journal entry "done".
 */
final class ResultStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 2: rows end with the label column. */
    private static final int FORMAT = 2;

    /** A document's results as the outputs need them. */
    record Stored(int pages, int numbers, List<String> rows, ObjectNode document) {
    }

    private final Path dir;
    private final String model;
    private final String modelKey;

    ResultStore(Path outputDir, String modelVersion) {
        this.dir = outputDir.resolve(".state").resolve("docs");
        this.model = modelVersion;
        this.modelKey = sha256(modelVersion.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    Path dir() {
        return dir;
    }

    Optional<Stored> load(String contentSha256) {
        Path file = file(contentSha256);
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // Cannot happen with atomic writes, but a damaged entry only costs a re-read.
            return Optional.empty();
        }
        if (root == null || root.path("format").asInt() != FORMAT || !model.equals(root.path("model").asText())
                || !contentSha256.equals(root.path("sha256").asText()) || !(root.get("document") instanceof ObjectNode doc)) {
            return Optional.empty();
        }
        List<String> rows = new ArrayList<>();
        root.path("rows").forEach(r -> rows.add(r.asText()));
        return Optional.of(new Stored(root.path("pages").asInt(), root.path("numbers").asInt(), rows, doc));
    }

    void save(String contentSha256, Stored stored) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("sha256", contentSha256);
        root.put("model", model);
        root.put("pages", stored.pages());
        root.put("numbers", stored.numbers());
        ArrayNode rows = root.putArray("rows");
        stored.rows().forEach(rows::add);
        root.set("document", stored.document());
        AtomicFiles.write(file(contentSha256), JSON.writeValueAsBytes(root));
    }

    private Path file(String contentSha256) {
        return dir.resolve(contentSha256 + "-" + modelKey + ".json");
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
