package io.numscan.synth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The expected numbers of a sample document, as written to {@code <name>.expected.json}.
 *
 * <pre>
 * {"file":"invoice.pdf","pages":[{"page":1,"width":2480,"height":3507,
 *   "numbers":[{"value":"1,234.56","x":..,"y":..,"width":..,"height":..}, ...]}]}
 * </pre>
 *
 * Coordinates are pixels of the page image at 300 DPI, origin top-left. {@code sourceDigits} is only
 * present for handwritten numbers: the indices, in {@code data/digits-test-*-ubyte.gz}, of the test
 * digits drawn, one per digit, left to right.
 */
public final class Expected {

    private Expected() {
    }

    /** {@code category} groups documents for evaluation (e.g. {@code scan-300}); null for the samples. */
    @JsonPropertyOrder({"file", "category", "pages"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Document(String file, String category, List<Page> pages) {
        public Document(String file, List<Page> pages) {
            this(file, null, pages);
        }
    }

    @JsonPropertyOrder({"page", "width", "height", "numbers"})
    public record Page(int page, int width, int height, List<Number> numbers) {
    }

    @JsonPropertyOrder({"value", "x", "y", "width", "height", "sourceDigits"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Number(String value, int x, int y, int width, int height, List<Integer> sourceDigits) {
        public Number(String value, PixelBox box) {
            this(value, box.x(), box.y(), box.width(), box.height(), null);
        }

        public Number(String value, PixelBox box, List<Integer> sourceDigits) {
            this(value, box.x(), box.y(), box.width(), box.height(), sourceDigits);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The JSON text: one number per line, two-space indent, '\n' line ends, a final newline. */
    public static String toJson(Document doc) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"file\": ").append(MAPPER.writeValueAsString(doc.file())).append(",\n");
        if (doc.category() != null) {
            sb.append("  \"category\": ").append(MAPPER.writeValueAsString(doc.category())).append(",\n");
        }
        sb.append("  \"pages\": [");
        for (int p = 0; p < doc.pages().size(); p++) {
            Page page = doc.pages().get(p);
            sb.append(p == 0 ? "\n" : ",\n");
            sb.append("    {\n");
            sb.append("      \"page\": ").append(page.page()).append(",\n");
            sb.append("      \"width\": ").append(page.width()).append(",\n");
            sb.append("      \"height\": ").append(page.height()).append(",\n");
            sb.append("      \"numbers\": [");
            for (int i = 0; i < page.numbers().size(); i++) {
                sb.append(i == 0 ? "\n" : ",\n");
                sb.append("        ").append(MAPPER.writeValueAsString(page.numbers().get(i)));
            }
            sb.append(page.numbers().isEmpty() ? "]\n" : "\n      ]\n");
            sb.append("    }");
        }
        sb.append(doc.pages().isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return sb.toString();
    }

    public static void write(Document doc, Path file) throws IOException {
        Files.writeString(file, toJson(doc), StandardCharsets.UTF_8);
    }

    public static Document read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), Document.class);
    }
}
