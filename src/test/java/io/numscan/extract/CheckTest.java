package io.numscan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckTest {
    private static FieldSpec spec(String name, FieldType type, boolean multiple) {
        return new FieldSpec(name, type, Optional.of(new Zone(1, 0, 0, 1, 1)), Optional.empty(), Optional.empty(), 0,
                multiple, Optional.empty(), Optional.empty(), false);
    }

    private static ExtractedField field(String name, String... values) {
        return new ExtractedField(name, java.util.Arrays.stream(values)
                .map(v -> new TypedValue(v, Optional.of(new BigDecimal(v)))).toList(), 1, 1, List.of());
    }

    private final Map<String, FieldSpec> specs = new LinkedHashMap<>(Map.of(
            "subtotal", spec("subtotal", FieldType.AMOUNT, false),
            "discount", spec("discount", FieldType.AMOUNT, false),
            "lines", spec("lines", FieldType.AMOUNT, true),
            "ref", spec("ref", FieldType.ID, false)));

    @Test
    void sumsAndDifferences() {
        Check c = Check.parse("sum(lines) - discount = subtotal - 5", specs);
        Map<String, ExtractedField> f = Map.of("lines", field("lines", "10.00", "20.50"), "discount", field("discount", "0.50"),
                "subtotal", field("subtotal", "35.00"));
        assertEquals(CheckResult.Status.PASSED, c.evaluate(f).status());
        Map<String, ExtractedField> g = Map.of("lines", field("lines", "10.00", "20.80"), "discount", field("discount", "0.50"),
                "subtotal", field("subtotal", "35.00"));
        CheckResult r = c.evaluate(g);
        assertEquals(CheckResult.Status.FAILED, r.status());
        assertEquals("30.30 is not 30.00", r.detail());
    }

    @Test
    void luhnCheckDigits() {
        assertTrue(Check.luhnValid("79927398713"));
        assertFalse(Check.luhnValid("79927398710"));
        assertEquals(3, Check.luhnDigit("7992739871"));
        Check c = Check.parse("luhn(ref)", specs);
        assertEquals(CheckResult.Status.PASSED,
                c.evaluate(Map.of("ref", new ExtractedField("ref", List.of(new TypedValue("79927398713", Optional.empty())), 1, 1,
                        List.of()))).status());
        assertEquals(CheckResult.Status.FAILED,
                c.evaluate(Map.of("ref", new ExtractedField("ref", List.of(new TypedValue("79927398731", Optional.empty())), 1, 1,
                        List.of()))).status());
        assertEquals(CheckResult.Status.NOT_CHECKED, c.evaluate(Map.of("ref", ExtractedField.notFound("ref", 1))).status());
    }
}
