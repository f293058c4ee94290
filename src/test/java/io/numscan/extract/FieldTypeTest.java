package io.numscan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldTypeTest {

    private static Optional<String> read(FieldType type, String printed, DateOrder order) {
        return type.read(printed, order).map(TypedValue::text);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "MDY | 03/11/2025 | 2025-03-11",
        "DMY | 03/11/2025 | 2025-11-03",
        "DMY | 11.03.25 | 2025-03-11",
        "DMY | 1-3-99 | 1999-03-01",
        "MDY | 2025-03-11 | 2025-03-11",
        "DMY | 11032025 | 2025-03-11",
        "MDY | 03112025 | 2025-03-11",
        "YMD | 20250311 | 2025-03-11",
        "YMD | 25/03/11 | 2025-03-11",
    })
    void datesBecomeIso(DateOrder order, String printed, String iso) {
        assertEquals(Optional.of(iso), read(FieldType.DATE, printed, order));
    }

    @ParameterizedTest(name = "{0} {1} is no date")
    @CsvSource(delimiter = '|', value = {
        "DMY | 31/02/2025", "MDY | 13/01/2025", "DMY | 1234", "DMY | 11.03.2025.1", "DMY | 123/03/2025", "DMY | 32012025",
    })
    void impossibleDatesAreNotRead(DateOrder order, String printed) {
        assertEquals(Optional.empty(), read(FieldType.DATE, printed, order));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "AMOUNT | 1.234,56 | 1234.56",
        "AMOUNT | (45.00) | -45.00",
        "AMOUNT | 19 | 19",
        "INTEGER | 1,234 | 1234",
        "ID | 007321 | 007321",
        "ID | 2024-00173 | 2024-00173",
    })
    void valuesAreWrittenPlainly(FieldType type, String printed, String text) {
        assertEquals(Optional.of(text), read(type, printed, DateOrder.YMD));
    }

    @ParameterizedTest(name = "{0} {1} is not one")
    @CsvSource(delimiter = '|', value = {"AMOUNT | 03/11/2025", "INTEGER | 12.50", "AMOUNT | 1,23,4"})
    void valuesOfAnotherTypeAreRefused(FieldType type, String printed) {
        assertEquals(Optional.empty(), read(type, printed, DateOrder.YMD));
    }
}
