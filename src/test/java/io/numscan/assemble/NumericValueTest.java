package io.numscan.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumericValueTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "1,234.56 | 1234.56",
        "1.234,56 | 1234.56",
        "1'234.56 | 1234.56",
        "1 234,56 | 1234.56",
        "1,234,567.8 | 1234567.8",
        "1.234.567 | 1234567",
        "1,234 | 1234",
        "1.234 | 1234",
        "12,34 | 12.34",
        "12.5 | 12.5",
        "0.125 | 0.125",
        "-45.00 | -45.00",
        "45.00- | -45.00",
        "(45.00) | -45.00",
        "($1,234.56) | -1234.56",
        "$1,234.56 | 1234.56",
        "EUR 12,50 | 12.50",
        "1.234,56 € | 1234.56",
        "+7 | 7",
        "007 | 007",
    })
    void readsTheValue(String printed, String value) {
        assertEquals(Optional.of(new BigDecimal(value)), NumericValue.parse(printed));
    }

    @ParameterizedTest(name = "{0} is not a number")
    @ValueSource(strings = {"", "-", "1,23,456", "12,3456.7", "1.234.56", "1,234.567,8", "12a4", "03/11/2025", "--5",
        "(-5)", "1,,234", ",5"})
    void refusesWhatIsNotOneNumber(String printed) {
        assertEquals(Optional.empty(), NumericValue.parse(printed));
    }

    @ParameterizedTest(name = "integer {0}")
    @CsvSource(delimiter = '|', value = {"1,234 | 1234", "-17 | -17", "42 | 42", "1.000.000 | 1000000"})
    void readsIntegers(String printed, long value) {
        assertEquals(Optional.of(value), NumericValue.parseInteger(printed));
    }

    @ParameterizedTest(name = "not an integer: {0}")
    @ValueSource(strings = {"12.50", "12.5", "3,00", "99999999999999999999"})
    void refusesFractionsAsIntegers(String printed) {
        assertEquals(Optional.empty(), NumericValue.parseInteger(printed));
    }
}
