package io.numscan.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.geom.Box;
import io.numscan.ingest.Document;
import io.numscan.ingest.DocumentReader;
import io.numscan.ingest.IngestLimits;
import io.numscan.ingest.TextWord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextLayerNumbersTest {
    /** Lays words out on one line of a page: {@code x} in pixels, 30 px tall glyphs, 12 px per character. */
    private static final class Line {
        private final List<TextWord> words = new ArrayList<>();
        private final int y;

        Line(int y) {
            this.y = y;
        }

        Line word(int x, String text) {
            words.add(new TextWord(text, new Box(x, y, 12 * text.length(), 30)));
            return this;
        }
    }

    private static Map<String, String> labels(List<TextWord> words) {
        Map<String, String> out = new LinkedHashMap<>();
        for (RecognizedNumber n : TextLayerNumbers.read(words)) {
            out.put(n.value(), n.label());
        }
        return out;
    }

    @Test
    void theLabelIsTheNearestPhraseLeftOfTheNumber() {
        List<TextWord> words = new ArrayList<>();
        words.addAll(new Line(100).word(100, "Invoice").word(196, "No:").word(248, "2024-00173").words);
        // a sentence in the left column, then label and value far apart in the right ones
        words.addAll(new Line(200).word(100, "Thank").word(172, "you.").word(900, "Subtotal").word(1500, "$1,234.56").words);
        words.addAll(new Line(300).word(100, "Phone:").word(184, "(538)").word(256, "555-6523").words);
        words.addAll(new Line(400).word(100, "VAT").word(148, "19%").word(1500, "55.10").words);
        words.addAll(new Line(500).word(100, "1847").word(160, "Maple").word(232, "Avenue,").word(328, "Suite").word(400, "210").words);
        assertEquals(Map.of("2024-00173", "Invoice No", "1,234.56", "Subtotal", "538", "Phone", "555-6523", "",
                "19", "VAT", "55.10", "", "1847", "", "210", "Maple Avenue, Suite"), labels(words));
    }

    @Test
    void numbersComeLineByLineLeftToRightWhateverTheWordOrder() {
        List<TextWord> words = new ArrayList<>();
        words.addAll(new Line(300).word(400, "3").word(100, "Total").words);
        words.addAll(new Line(100).word(400, "2").word(100, "1").words);
        List<String> values = TextLayerNumbers.read(words).stream().map(RecognizedNumber::value).toList();
        assertEquals(List.of("1", "2", "3"), values);
        assertEquals("Total", TextLayerNumbers.read(words).get(2).label());
    }

    @Test
    void cleanTrimsPunctuationButKeepsAClosedBracket() {
        assertEquals("Invoice No", TextLayerNumbers.clean("Invoice No:"));
        assertEquals("Total", TextLayerNumbers.clean("Total $"));
        assertEquals("Weight (kg)", TextLayerNumbers.clean("Weight (kg):"));
        assertEquals("Phone", TextLayerNumbers.clean(") Phone"));
        assertEquals("", TextLayerNumbers.clean(" - "));
    }

    @Test
    void theInvoiceNumbersAreNamedByTheirLabels() throws Exception {
        try (Document pdf = new DocumentReader(IngestLimits.DEFAULT).open(Path.of("samples/invoice.pdf"))) {
            List<String> named = TextLayerNumbers.read(pdf.textLayer(1).orElseThrow()).stream()
                    .map(n -> n.value() + "=" + n.label()).toList();
            for (String expected : List.of("2024-00173=Invoice No", "03/11/2025=Date", "58213=Customer ID",
                    "62704=Springfield, IL", "1,713.86=Subtotal", "-45.00=Discount", "19=VAT", "1,985.94=Total",
                    "1=Ergonomic office chair", "1=Page", "12=Paper, white", "4.75=")) {
                assertTrue(named.contains(expected), expected + " not in " + named);
            }
        }
    }
}
