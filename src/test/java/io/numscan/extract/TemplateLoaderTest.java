package io.numscan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateLoaderTest {

    @TempDir
    Path tmp;

    @Test
    void theSampleTemplatesLoad() throws Exception {
        List<Template> templates = TemplateLoader.load(List.of(Path.of("samples/fields/templates")));
        assertEquals(List.of("delivery-receipt-4417", "northwind-invoice"), templates.stream().map(Template::name).toList());
        Template invoice = templates.get(1);
        assertEquals(DateOrder.MDY, invoice.dateOrder());
        assertEquals(List.of("invoice_number", "date", "customer_id", "line_amounts", "net", "tax", "total"),
                invoice.fields().stream().map(FieldSpec::name).toList());
        assertEquals(List.of("sum(line_amounts) = net", "net + tax = total"),
                invoice.checks().stream().map(Check::text).toList());
        FieldSpec net = invoice.fields().get(4);
        assertEquals(-3, net.index());
        assertEquals(Direction.RIGHT, net.label().orElseThrow().direction());
    }

    private static final String FIELD = "{\"name\": \"total\", \"type\": \"amount\", \"zone\": "
            + "{\"x\": 0.5, \"y\": 0.5, \"width\": 0.2, \"height\": 0.1}}";

    private static String template(String fields, String extra) {
        return "{\"name\": \"t\", \"fields\": [" + fields + "]" + extra + "}";
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"name\": \"t\", \"fields\": [] } | 'fields' must be a list of at least one field",
        "{\"fields\": [" + FIELD + "]} | the template: 'name' is missing",
        "{\"name\": \"t\", \"feilds\": []} | the template: unknown key 'feilds'",
        "[1] | a template is a JSON object",
        "{\"name\": \"t\", | not valid JSON",
        "{\"name\": \"t\", \"fields\": [{\"name\": \"a\", \"type\": \"money\", \"zone\": {\"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1}}]}"
                + " | field 'a': 'type' is 'money'; it must be one of [integer, amount, date, id]",
        "{\"name\": \"t\", \"fields\": [{\"name\": \"a\", \"type\": \"id\"}]} | field 'a': give a 'zone', a 'label' or both",
        "{\"name\": \"t\", \"fields\": [{\"name\": \"a\", \"type\": \"id\", \"zone\": {\"x\": 0.9, \"y\": 0, \"width\": 0.2, \"height\": 1}}]}"
                + " | field 'a', zone: zone must lie within the page",
        "{\"name\": \"t\", \"fields\": [{\"name\": \"a\", \"type\": \"id\", \"zone\": {\"x\": 0, \"y\": 0, \"width\": 1}}]}"
                + " | field 'a', zone: 'height' is missing",
        "{\"name\": \"t\", \"fields\": [{\"name\": \"a\", \"type\": \"id\", \"pattern\": \"(\", \"label\": \"A\"}]}"
                + " | field 'a': 'pattern' is not a regular expression",
        "{\"name\": \"t\", \"fields\": [{\"name\": \"a\", \"type\": \"id\", \"label\": {\"text\": \"A\", \"direction\": \"up\"}}]}"
                + " | field 'a', label: 'direction' is 'up'; it must be one of [right, below, left, above]",
        "{\"name\": \"t\", \"fields\": [" + FIELD + ", " + FIELD + "]} | field 'total': the name is used twice",
        "{\"name\": \"t\", \"fields\": [{\"name\": \"warnings\", \"type\": \"id\", \"label\": \"W\"}]} | field 'warnings': a field name is",
        "{\"name\": \"t\", \"fields\": [{\"name\": \"a\", \"type\": \"id\", \"label\": \"A\", \"above\": \"b\"}]}"
                + " | field 'a': refers to unknown field 'b'",
        "{\"name\": \"t\", \"fields\": [{\"name\": \"a\", \"type\": \"id\", \"label\": \"A\", \"above\": \"b\"}, "
                + "{\"name\": \"b\", \"type\": \"id\", \"label\": \"B\", \"above\": \"a\"}]} | references form a loop",
        "{\"name\": \"t\", \"fields\": [" + FIELD + "], \"checks\": [\"total = net\"]} | check 'total = net': unknown field 'net'",
        "{\"name\": \"t\", \"fields\": [" + FIELD + "], \"checks\": [\"total + = 3\"]} | check 'total + = 3':",
        "{\"name\": \"t\", \"fields\": [" + FIELD + "], \"checks\": [\"total\"]} | check 'total': a check is",
        "{\"name\": \"t\", \"fields\": [" + FIELD + "], \"checks\": [\"sum(total) = 1\"]} | 'total' holds one value; write it bare",
        "{\"name\": \"t\", \"fields\": [{\"name\": \"d\", \"type\": \"date\", \"label\": \"D\"}], \"checks\": [\"d = 1\"]}"
                + " | only amount and integer fields can be added up",
        "{\"name\": \"t\", \"fields\": [" + FIELD + "], \"match\": {}} | match: give 'keywords' or 'printed'",
    })
    void mistakesAreNamedWithTheFileAndField(String json, String message) throws Exception {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, json);
        TemplateException e = assertThrows(TemplateException.class, () -> TemplateLoader.load(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage() + "\n does not say: " + message);
    }

    @Test
    void aMissingFileOrEmptyFolderIsNamed() throws Exception {
        Path missing = tmp.resolve("none.json");
        assertEquals(missing + ": no such file",
                assertThrows(TemplateException.class, () -> TemplateLoader.load(List.of(missing))).getMessage());
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertEquals(empty + ": folder holds no template (*.json)",
                assertThrows(TemplateException.class, () -> TemplateLoader.load(List.of(empty))).getMessage());
    }

    @Test
    void twoTemplatesOfOneNameAreRefused() throws Exception {
        Path a = Files.writeString(tmp.resolve("a.json"), template(FIELD, ""));
        Path b = Files.writeString(tmp.resolve("b.json"), template(FIELD, ""));
        TemplateException e = assertThrows(TemplateException.class, () -> TemplateLoader.load(List.of(a, b)));
        assertEquals(b + ": template name 't' is also used by " + a, e.getMessage());
    }

    @Test
    void defaultsAreDocumented() throws Exception {
        Template t = TemplateLoader.parse("inline", template("{\"name\": \"n\", \"type\": \"integer\", \"label\": \"No.\"}", ""));
        FieldSpec f = t.fields().get(0);
        assertEquals(DateOrder.YMD, t.dateOrder());
        assertTrue(t.match().matchesAny());
        assertEquals(Direction.RIGHT, f.label().orElseThrow().direction());
        assertEquals(1, f.page());
        assertEquals(0, f.index());
    }
}
