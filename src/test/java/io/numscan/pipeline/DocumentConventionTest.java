package io.numscan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.numscan.assemble.RecognizedDigit;
import io.numscan.assemble.RecognizedNumber;
import io.numscan.geom.Box;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentConventionTest {
    private static RecognizedNumber number(String printed) {
        List<RecognizedDigit> characters = new ArrayList<>();
        for (int i = 0; i < printed.length(); i++) {
            characters.add(new RecognizedDigit(printed.charAt(i), new Box(10 * i, 0, 8, 20), 0.99));
        }
        return new RecognizedNumber(printed, new Box(0, 0, 10 * printed.length(), 20), 0.99, characters);
    }

    private static PageResult page(int page, PageSource source, String... values) {
        return new PageResult(page, 100, 100, 300, 0, List.of(values).stream().map(DocumentConventionTest::number).toList(),
                source);
    }

    private static List<String> values(PageResult page) {
        return page.numbers().stream().map(RecognizedNumber::value).toList();
    }

    @Test
    void scannedPagesTakeTheDocumentsDecimalMarkAndTextPagesStayAsPrinted() {
        List<PageResult> pages = List.of(
                page(1, PageSource.OCR, "10,03", "110,47", "1.038,40", "822,00", "280,44"),
                page(2, PageSource.OCR, "74.01", "43.19", "25,04"),
                page(3, PageSource.TEXT, "9.99", "12.50", "7.25"));

        List<PageResult> read = ScanService.inOneConvention(pages);

        assertEquals(List.of("10,03", "110,47", "1.038,40", "822,00", "280,44"), values(read.get(0)));
        assertEquals(List.of("74,01", "43,19", "25,04"), values(read.get(1)));
        assertEquals(List.of("9.99", "12.50", "7.25"), values(read.get(2)), "a text layer is what the PDF says");
    }
}
