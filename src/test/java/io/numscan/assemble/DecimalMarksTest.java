package io.numscan.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.geom.Box;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecimalMarksTest {
    private static RecognizedNumber number(String printed) {
        List<RecognizedDigit> characters = new ArrayList<>();
        for (int i = 0; i < printed.length(); i++) {
            characters.add(new RecognizedDigit(printed.charAt(i), new Box(10 * i, 0, 8, 20), 0.99));
        }
        return new RecognizedNumber(printed, new Box(0, 0, 10 * printed.length(), 20), 0.99, characters);
    }

    private static List<String> values(List<RecognizedNumber> numbers) {
        return numbers.stream().map(RecognizedNumber::value).toList();
    }

    @Test
    void aPageOfDecimalCommasRewritesTheOddAmount() {
        List<RecognizedNumber> page = List.of(number("10,03"), number("110,47"), number("1.038,40"), number("39.83"),
                number("2.233,77"), number("822,00"), number("280,44"), number("2,089.92"), number("28.10.2024"),
                number("19"));
        List<RecognizedNumber> harmonized = DecimalMarks.harmonize(page);
        assertEquals(List.of("10,03", "110,47", "1.038,40", "39,83", "2.233,77", "822,00", "280,44", "2.089,92",
                "28.10.2024", "19"), values(harmonized));
        RecognizedNumber flipped = harmonized.get(3);
        assertEquals(',', flipped.characters().get(2).symbol());
        assertEquals(page.get(3).box(), flipped.box());
    }

    @Test
    void aPageOfDecimalPointsRewritesTheOddAmount() {
        List<RecognizedNumber> page = List.of(number("1,234.56"), number("22.84"), number("7.50"), number("6,21"),
                number("-45.00"));
        assertEquals(List.of("1,234.56", "22.84", "7.50", "6.21", "-45.00"), values(DecimalMarks.harmonize(page)));
    }

    @Test
    void aFaxThatBlurredAThirdOfItsDecimalPointsIntoCommasIsStillReadInPoints() {
        // Eight amounts read with a decimal point, four with a comma: twice as many is clear enough.
        List<RecognizedNumber> page = List.of(number("52.63"), number("4,947.22"), number("46.70"), number("140,10"),
                number("39.01"), number("312,08"), number("93.00"), number("2,790.00"), number("101,75"),
                number("915.75"), number("1.726,66"), number("59.54"), number("07/08/2024"));
        assertEquals(List.of("52.63", "4,947.22", "46.70", "140.10", "39.01", "312.08", "93.00", "2,790.00", "101.75",
                "915.75", "1,726.66", "59.54", "07/08/2024"), values(DecimalMarks.harmonize(page)));
    }

    @Test
    void aPageThatLostItsDecimalCommasTakesTheDocumentsConvention() {
        List<RecognizedNumber> first = List.of(number("10,03"), number("110,47"), number("1.038,40"),
                number("2.233,77"), number("822,00"), number("280,44"), number("28.10.2024"));
        List<RecognizedNumber> faded = List.of(number("74.01"), number("43.19"), number("25,04"), number("9,80"),
                number("12.09.2025"));
        assertEquals(List.of("74.01", "43.19", "25,04", "9,80", "12.09.2025"), values(DecimalMarks.harmonize(faded)),
                "alone, the page has no clear convention");

        List<List<RecognizedNumber>> document = DecimalMarks.harmonizePages(List.of(first, faded));
        assertEquals(values(first), values(document.get(0)));
        assertEquals(List.of("74,01", "43,19", "25,04", "9,80", "12.09.2025"), values(document.get(1)));
    }

    @Test
    void aPageWhoseShortAmountsLostTheirCommasFollowsItsGroupedAmounts() {
        // A 300-DPI fax: most two-digit amounts read with a dot (the comma's tail gone), while the
        // amounts with a thousands mark show 1.234,56. Counted one each, the dots would outnumber.
        List<RecognizedNumber> page = List.of(number("52.12"), number("104.24"), number("2.362,71"), number("62.54"),
                number("31.27"), number("14.176,26"), number("851.76"), number("30,58"), number("1.773,33"),
                number("28.12.2025"));
        assertEquals(List.of("52,12", "104,24", "2.362,71", "62,54", "31,27", "14.176,26", "851,76", "30,58", "1.773,33",
                "28.12.2025"), values(DecimalMarks.harmonize(page)));
    }

    @Test
    void pagesOfADocumentWithoutAClearConventionKeepTheirOwn() {
        List<RecognizedNumber> us = List.of(number("1,234.56"), number("22.84"), number("7.50"), number("6,21"));
        List<RecognizedNumber> eu = List.of(number("1.234,56"), number("22,84"), number("7,50"), number("6.21"));
        List<List<RecognizedNumber>> document = DecimalMarks.harmonizePages(List.of(us, eu));
        assertEquals(List.of("1,234.56", "22.84", "7.50", "6.21"), values(document.get(0)));
        assertEquals(List.of("1.234,56", "22,84", "7,50", "6,21"), values(document.get(1)));
    }

    @Test
    void aPageWithoutAClearConventionIsLeftAlone() {
        List<RecognizedNumber> mixed = List.of(number("10,03"), number("22.84"), number("110,47"), number("7.50"));
        assertSame(mixed, DecimalMarks.harmonize(mixed));
        List<RecognizedNumber> few = List.of(number("10,03"), number("22.84"));
        assertSame(few, DecimalMarks.harmonize(few));
    }

    @Test
    void anAmountIsWhatTheRegularExpressionForItMatches() {
        java.util.regex.Pattern commaDecimal = java.util.regex.Pattern.compile("-?\\d{1,3}(\\.\\d{3})*,\\d{2}|-?\\d+,\\d{2}");
        java.util.regex.Pattern anyMarks = java.util.regex.Pattern.compile("-?\\d{1,3}([.,]\\d{3})*[.,]\\d{2}|-?\\d+[.,]\\d{2}");
        assertTrue(DecimalMarks.isAmount("1.234,56", ".", ","));
        assertTrue(DecimalMarks.isAmount("-45,00", ".", ","));
        assertFalse(DecimalMarks.isAmount("1,234.56", ".", ","));
        assertFalse(DecimalMarks.isAmount("03.11.2025", ".,", ".,"));
        java.util.Random random = new java.util.Random(7);
        String alphabet = "0123456789012345.,-/";
        for (int k = 0; k < 200_000; k++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String v = sb.toString();
            assertEquals(commaDecimal.matcher(v).matches(), DecimalMarks.isAmount(v, ".", ","), v);
            assertEquals(anyMarks.matcher(v).matches(), DecimalMarks.isAmount(v, ".,", ".,"), v);
        }
        // Random strings rarely make long grouped amounts; these do.
        for (String v : new String[] {"1.234.567,89", "12.345,67", "123.456,78", "1234.567,89", "1.23,45", "-1.234,56",
                "--1,00", "1.234.56", ",56", "-,56", "1,234,567.89", "1.234,567.89"}) {
            assertEquals(commaDecimal.matcher(v).matches(), DecimalMarks.isAmount(v, ".", ","), v);
            assertEquals(anyMarks.matcher(v).matches(), DecimalMarks.isAmount(v, ".,", ".,"), v);
        }
    }
}
