package io.numscan.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Reads templates from JSON files (the format is described in {@code samples/fields/README.md})
 * and checks them whole before any document is read, so a mistake is reported with the file, the
 * field and the problem rather than as an empty column.
 */
public final class TemplateLoader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][\\w-]*");
    private static final Set<String> TEMPLATE_KEYS = Set.of("name", "description", "dateOrder", "match", "fields", "checks");
    private static final Set<String> MATCH_KEYS = Set.of("keywords", "printed");
    private static final Set<String> PRINTED_KEYS = Set.of("zone", "pattern");
    private static final Set<String> FIELD_KEYS = Set.of("name", "type", "zone", "label", "pattern", "index", "multiple",
            "above", "below", "join");
    private static final Set<String> LABEL_KEYS = Set.of("text", "zone", "direction", "maxDistance");
    private static final Set<String> ZONE_KEYS = Set.of("page", "x", "y", "width", "height");
    /** Reserved for the CSV's own columns. */
    private static final Set<String> RESERVED = Set.of("file", "template", "flagged", "warnings");

    private TemplateLoader() {
    }

    /** Every {@code *.json} file of the folders and the files given, in order (each folder sorted by name). */
    public static List<Template> load(List<Path> paths) throws TemplateException {
        List<Template> templates = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Path p : paths) {
            for (Path file : files(p)) {
                Template t = load(file);
                String earlier = names.putIfAbsent(t.name(), t.source());
                if (earlier != null) {
                    throw new TemplateException(t.source(), "template name '" + t.name() + "' is also used by " + earlier);
                }
                templates.add(t);
            }
        }
        return templates;
    }

    private static List<Path> files(Path p) throws TemplateException {
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (Stream<Path> list = Files.list(p)) {
            List<Path> found = list.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .filter(Files::isRegularFile).sorted().toList();
            if (found.isEmpty()) {
                throw new TemplateException(p.toString(), "folder holds no template (*.json)");
            }
            return found;
        } catch (IOException e) {
            throw new TemplateException(p.toString(), "cannot list the folder: " + e.getMessage(), e);
        }
    }

    public static Template load(Path file) throws TemplateException {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new TemplateException(source, Files.exists(file) ? "not a file" : "no such file");
        }
        try {
            return parse(source, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TemplateException(source, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses a template's JSON text; {@code source} names it in messages. */
    public static Template parse(String source, String json) throws TemplateException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new TemplateException(source, "not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"), e);
        }
        if (root == null || !root.isObject()) {
            throw new TemplateException(source, "a template is a JSON object");
        }
        Reader r = new Reader(source);
        r.keys(root, TEMPLATE_KEYS, "the template");
        String name = r.text(root, "name", "the template", true);
        DateOrder order = r.enumValue(root, "dateOrder", DateOrder.class, "the template").orElse(DateOrder.YMD);
        DocumentMatch match = root.has("match") ? r.match(root.get("match")) : DocumentMatch.ANY;
        JsonNode fieldsNode = root.get("fields");
        if (fieldsNode == null || !fieldsNode.isArray() || fieldsNode.isEmpty()) {
            throw new TemplateException(source, "'fields' must be a list of at least one field");
        }
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        for (JsonNode f : fieldsNode) {
            FieldSpec spec = r.field(f);
            if (fields.putIfAbsent(spec.name(), spec) != null) {
                throw new TemplateException(source, "field '" + spec.name() + "': the name is used twice");
            }
        }
        for (FieldSpec spec : fields.values()) {
            for (Optional<String> ref : List.of(spec.above(), spec.below())) {
                if (ref.isPresent() && !fields.containsKey(ref.get())) {
                    throw new TemplateException(source, "field '" + spec.name() + "': refers to unknown field '"
                            + ref.get() + "' (fields: " + fields.keySet() + ")");
                }
                if (ref.isPresent() && fields.get(ref.get()).multiple()) {
                    throw new TemplateException(source, "field '" + spec.name() + "': '" + ref.get()
                            + "' holds several values; a field can only be above or below a single one");
                }
            }
        }
        try {
            FieldOrder.resolve(fields);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(source, e.getMessage(), e);
        }
        List<Check> checks = new ArrayList<>();
        JsonNode checksNode = root.get("checks");
        if (checksNode != null) {
            if (!checksNode.isArray()) {
                throw new TemplateException(source, "'checks' must be a list of strings such as \"net + tax = total\"");
            }
            for (JsonNode c : checksNode) {
                if (!c.isTextual()) {
                    throw new TemplateException(source, "'checks' must be a list of strings such as \"net + tax = total\"");
                }
                try {
                    checks.add(Check.parse(c.asText(), fields));
                } catch (IllegalArgumentException e) {
                    throw new TemplateException(source, "check '" + c.asText() + "': " + e.getMessage(), e);
                }
            }
        }
        return new Template(name, source, match, order, List.copyOf(fields.values()), checks);
    }

    /** Walks the JSON tree, naming where it is in every message. */
    private static final class Reader {
        private final String source;

        Reader(String source) {
            this.source = source;
        }

        TemplateException error(String where, String problem) {
            return new TemplateException(source, where + ": " + problem);
        }

        void keys(JsonNode node, Set<String> known, String where) throws TemplateException {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!known.contains(key)) {
                    throw error(where, "unknown key '" + key + "' (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            }
        }

        String text(JsonNode node, String key, String where, boolean required) throws TemplateException {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                if (required) {
                    throw error(where, "'" + key + "' is missing");
                }
                return null;
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                throw error(where, "'" + key + "' must be a non-empty string");
            }
            return v.asText();
        }

        <E extends Enum<E>> Optional<E> enumValue(JsonNode node, String key, Class<E> type, String where)
                throws TemplateException {
            String v = text(node, key, where, false);
            if (v == null) {
                return Optional.empty();
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(v)) {
                    return Optional.of(e);
                }
            }
            throw error(where, "'" + key + "' is '" + v + "'; it must be one of "
                    + Stream.of(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
        }

        Optional<Pattern> pattern(JsonNode node, String where) throws TemplateException {
            String p = text(node, "pattern", where, false);
            if (p == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(Pattern.compile(p));
            } catch (PatternSyntaxException e) {
                throw error(where, "'pattern' is not a regular expression: " + e.getDescription() + " in " + p);
            }
        }

        Zone zone(JsonNode node, String where) throws TemplateException {
            String w = where + ", zone";
            if (!node.isObject()) {
                throw error(w, "a zone is {\"x\": .., \"y\": .., \"width\": .., \"height\": ..} in fractions of the page");
            }
            keys(node, ZONE_KEYS, w);
            int page = 1;
            if (node.has("page")) {
                if (!node.get("page").canConvertToInt() || !node.get("page").isIntegralNumber()) {
                    throw error(w, "'page' must be a whole number from 1");
                }
                page = node.get("page").asInt();
            }
            double[] v = new double[4];
            String[] names = {"x", "y", "width", "height"};
            for (int i = 0; i < 4; i++) {
                JsonNode n = node.get(names[i]);
                if (n == null || !n.isNumber()) {
                    throw error(w, "'" + names[i] + "' is missing or not a number (fractions of the page, 0 to 1)");
                }
                v[i] = n.asDouble();
            }
            try {
                return new Zone(page, v[0], v[1], v[2], v[3]);
            } catch (IllegalArgumentException e) {
                throw error(w, e.getMessage());
            }
        }

        DocumentMatch match(JsonNode node) throws TemplateException {
            String where = "match";
            if (!node.isObject()) {
                throw error(where, "must be an object with 'keywords' and/or 'printed'");
            }
            keys(node, MATCH_KEYS, where);
            List<String> keywords = new ArrayList<>();
            if (node.has("keywords")) {
                JsonNode k = node.get("keywords");
                if (!k.isArray()) {
                    throw error(where, "'keywords' must be a list of strings");
                }
                for (JsonNode s : k) {
                    if (!s.isTextual() || s.asText().isBlank()) {
                        throw error(where, "'keywords' must be a list of non-empty strings");
                    }
                    keywords.add(s.asText());
                }
            }
            List<DocumentMatch.PrintedNumber> printed = new ArrayList<>();
            if (node.has("printed")) {
                JsonNode p = node.get("printed");
                if (!p.isArray()) {
                    throw error(where, "'printed' must be a list of {\"zone\": .., \"pattern\": ..}");
                }
                for (JsonNode item : p) {
                    String w = where + ", printed";
                    if (!item.isObject()) {
                        throw error(w, "each entry is {\"zone\": .., \"pattern\": ..}");
                    }
                    keys(item, PRINTED_KEYS, w);
                    if (!item.has("zone")) {
                        throw error(w, "'zone' is missing");
                    }
                    Optional<Pattern> pattern = pattern(item, w);
                    if (pattern.isEmpty()) {
                        throw error(w, "'pattern' is missing");
                    }
                    printed.add(new DocumentMatch.PrintedNumber(zone(item.get("zone"), w), pattern.get()));
                }
            }
            if (keywords.isEmpty() && printed.isEmpty()) {
                throw error(where, "give 'keywords' or 'printed' (or leave 'match' out to take any document)");
            }
            return new DocumentMatch(keywords, printed);
        }

        FieldSpec field(JsonNode node) throws TemplateException {
            if (!node.isObject()) {
                throw new TemplateException(source, "each entry of 'fields' must be an object");
            }
            String name = text(node, "name", "a field", true);
            if (!FIELD_NAME.matcher(name).matches() || RESERVED.contains(name) || name.endsWith("_confidence")) {
                throw error("field '" + name + "'", "a field name is letters, digits, _ and -, starts with a letter or _,"
                        + " does not end in _confidence and is none of " + RESERVED);
            }
            String where = "field '" + name + "'";
            keys(node, FIELD_KEYS, where);
            FieldType type = enumValue(node, "type", FieldType.class, where)
                    .orElseThrow(() -> error(where, "'type' is missing (integer, amount, date or id)"));
            Optional<Zone> zone = node.has("zone") ? Optional.of(zone(node.get("zone"), where)) : Optional.empty();
            Optional<LabelAnchor> label = node.has("label") ? Optional.of(label(node.get("label"), where)) : Optional.empty();
            if (zone.isEmpty() && label.isEmpty()) {
                throw error(where, "give a 'zone', a 'label' or both");
            }
            int index = 0;
            if (node.has("index")) {
                if (!node.get("index").isIntegralNumber()) {
                    throw error(where, "'index' must be a whole number (0 the first, -1 the last)");
                }
                index = node.get("index").asInt();
            }
            boolean multiple = flag(node, "multiple", where);
            boolean join = flag(node, "join", where);
            if (join && (zone.isEmpty() || label.isPresent() || multiple || node.has("index") || node.has("above")
                    || node.has("below"))) {
                throw error(where, "'join' takes every number of the 'zone' as one value; it goes with a zone alone "
                        + "(no label, multiple, index, above or below)");
            }
            if (multiple && node.has("index")) {
                throw error(where, "'index' picks one value; a multiple field takes them all");
            }
            Optional<String> above = Optional.ofNullable(text(node, "above", where, false));
            Optional<String> below = Optional.ofNullable(text(node, "below", where, false));
            if (above.equals(Optional.of(name)) || below.equals(Optional.of(name))) {
                throw error(where, "a field cannot be above or below itself");
            }
            return new FieldSpec(name, type, zone, label, pattern(node, where), index, multiple, above, below, join);
        }

        boolean flag(JsonNode node, String key, String where) throws TemplateException {
            if (!node.has(key)) {
                return false;
            }
            if (!node.get(key).isBoolean()) {
                throw error(where, "'" + key + "' must be true or false");
            }
            return node.get(key).asBoolean();
        }

        LabelAnchor label(JsonNode node, String field) throws TemplateException {
            String where = field + ", label";
            if (node.isTextual()) {
                if (node.asText().isBlank()) {
                    throw error(where, "must not be empty");
                }
                return new LabelAnchor(Optional.of(node.asText()), Optional.empty(), Direction.RIGHT, 1.0);
            }
            if (!node.isObject()) {
                throw error(where, "a label is a string, or {\"text\": .., \"zone\": .., \"direction\": ..}");
            }
            keys(node, LABEL_KEYS, where);
            Optional<String> text = Optional.ofNullable(text(node, "text", where, false));
            Optional<Zone> zone = node.has("zone") ? Optional.of(zone(node.get("zone"), where)) : Optional.empty();
            if (text.isEmpty() && zone.isEmpty()) {
                throw error(where, "give the label's 'text', its 'zone' or both");
            }
            Direction direction = enumValue(node, "direction", Direction.class, where).orElse(Direction.RIGHT);
            double max = 1.0;
            if (node.has("maxDistance")) {
                JsonNode m = node.get("maxDistance");
                if (!m.isNumber() || m.asDouble() <= 0 || m.asDouble() > 1) {
                    throw error(where, "'maxDistance' must be a fraction of the page above 0 and at most 1");
                }
                max = m.asDouble();
            }
            return new LabelAnchor(text, zone, direction, max);
        }
    }

    /** Checks that {@code above}/{@code below} references form no loop. */
    static final class FieldOrder {
        private FieldOrder() {
        }

        /** The fields in an order where each comes after the field it is above or below. */
        static List<FieldSpec> resolve(Map<String, FieldSpec> fields) {
            List<FieldSpec> order = new ArrayList<>();
            Set<String> done = new HashSet<>();
            for (FieldSpec f : fields.values()) {
                visit(f, fields, done, new HashSet<>(), order);
            }
            return order;
        }

        private static void visit(FieldSpec f, Map<String, FieldSpec> fields, Set<String> done, Set<String> path,
                List<FieldSpec> order) {
            if (done.contains(f.name())) {
                return;
            }
            if (!path.add(f.name())) {
                throw new IllegalArgumentException("field '" + f.name() + "': 'above'/'below' references form a loop through "
                        + path);
            }
            for (Optional<String> ref : List.of(f.above(), f.below())) {
                if (ref.isPresent()) {
                    visit(fields.get(ref.get()), fields, done, path, order);
                }
            }
            path.remove(f.name());
            done.add(f.name());
            order.add(f);
        }
    }
}
