package io.numscan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.assemble.RecognizedNumber;
import io.numscan.geom.Box;
import io.numscan.ingest.TextWord;
import io.numscan.output.FieldsCsvOutput;
import io.numscan.pipeline.DocumentResult;
import io.numscan.pipeline.PageResult;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Extraction over hand-made pages: numbers where OCR would put them, words where a text layer would. */
class FieldExtractorTest {
    private static final int W = 2000;
    private static final int H = 3000;

    private final List<RecognizedNumber> numbers = new ArrayList<>();
    private final List<TextWord> words = new ArrayList<>();

    private void number(String value, int x, int y, double confidence) {
        numbers.add(new RecognizedNumber(value, new Box(x, y, 20 * value.length(), 30), confidence, List.of()));
    }

    private void word(String text, int x, int y) {
        words.add(new TextWord(text, new Box(x, y, 18 * text.length(), 30)));
    }

    private ExtractedDocument extract(Template template, boolean textLayer) {
        PageResult page = new PageResult(1, W, H, 300, 0, numbers);
        DocumentResult doc = new DocumentResult("doc.pdf", "pdf", List.of(page));
        return new FieldExtractor(List.of(template)).extract(doc,
                List.of(new PageContent(page, textLayer ? Optional.of(words) : Optional.empty())));
    }

    private static Template template(String json) throws TemplateException {
        return TemplateLoader.parse("test.json", json);
    }

    /** An invoice-like page: totals in a column at x=1600, labels at x=1200, a percentage beside VAT. */
    private void totals(String net, String tax, String total) {
        word("Net", 1200, 2000);
        word("amount", 1270, 2000);
        number(net, 1600, 2000, 0.99);
        word("VAT", 1200, 2060);
        word("19%", 1270, 2060);
        number("19", 1270, 2060, 0.99);
        number(tax, 1600, 2060, 0.97);
        word("Total", 1200, 2120);
        number(total, 1600, 2120, 0.95);
        // Line amounts above, in the same column, and a quantity column beside them.
        number("100.00", 1600, 1500, 0.99);
        number("3", 1000, 1500, 0.99);
        number("250.50", 1600, 1560, 0.98);
        number("7", 1000, 1560, 0.99);
    }

    private static final String TOTALS = """
            {"name": "inv", "fields": [
              {"name": "lines", "type": "amount", "multiple": true, "above": "net",
               "zone": {"x": 0.75, "y": 0.3, "width": 0.2, "height": 0.5}},
              {"name": "net", "type": "amount", "index": -3, "label": {"text": "Net amount"},
               "zone": {"x": 0.75, "y": 0.3, "width": 0.2, "height": 0.5}},
              {"name": "tax", "type": "amount", "index": -2, "label": "VAT",
               "zone": {"x": 0.75, "y": 0.3, "width": 0.2, "height": 0.5}},
              {"name": "total", "type": "amount", "index": -1, "label": "total:",
               "zone": {"x": 0.75, "y": 0.3, "width": 0.2, "height": 0.5}}],
             "checks": ["sum(lines) = net", "net + tax = total"]}
            """;

    @Test
    void labelsInTheTextLayerAndZonesOnAScanGiveTheSameFields() throws Exception {
        totals("350.50", "66.60", "417.10");
        for (boolean textLayer : new boolean[] {true, false}) {
            ExtractedDocument doc = extract(template(TOTALS), textLayer);
            assertEquals("100.00; 250.50", doc.field("lines").orElseThrow().text(), "text layer " + textLayer);
            assertEquals("350.50", doc.field("net").orElseThrow().text());
            assertEquals("66.60", doc.field("tax").orElseThrow().text());
            assertEquals("417.10", doc.field("total").orElseThrow().text());
            assertEquals(0.95, doc.field("total").orElseThrow().confidence());
            assertEquals(0.98, doc.field("lines").orElseThrow().confidence());
            assertFalse(doc.flagged());
            assertEquals(List.of(), doc.warnings());
        }
    }

    @Test
    void aBrokenCheckFlagsTheRowAndKeepsIt() throws Exception {
        totals("350.50", "66.60", "417.70");
        ExtractedDocument doc = extract(template(TOTALS), true);
        assertTrue(doc.flagged());
        assertEquals("417.70", doc.field("total").orElseThrow().text());
        assertEquals(List.of("check failed: net + tax = total (417.10 is not 417.70)"), doc.warnings());
    }

    @Test
    void aFieldNotFoundIsEmptyWithConfidenceZeroAndWarned() throws Exception {
        totals("350.50", "66.60", "417.10");
        numbers.removeIf(n -> n.value().equals("66.60"));
        ExtractedDocument doc = extract(template(TOTALS), true);
        ExtractedField tax = doc.field("tax").orElseThrow();
        assertFalse(tax.found());
        assertEquals("", tax.text());
        assertEquals(0.0, tax.confidence());
        assertEquals(List.of("not found: tax", "not checked: net + tax = total (tax not found)"), doc.warnings());
        assertFalse(doc.flagged());
    }

    @Test
    void belowAndPatternAndDates() throws Exception {
        word("Invoice", 100, 100);
        word("date", 250, 100);
        number("11.03.2025", 110, 150, 0.9);
        number("4711", 110, 210, 0.9);
        word("Ref", 800, 100);
        number("12", 800, 150, 0.9);
        number("A7-0042", 800, 210, 0.9);
        number("0042-17", 800, 270, 0.9);
        Template t = template("""
                {"name": "t", "dateOrder": "DMY", "fields": [
                  {"name": "date", "type": "date", "label": {"text": "invoice date", "direction": "below"}},
                  {"name": "ref", "type": "id", "pattern": "\\\\d{4}-\\\\d{2}", "label": {"text": "Ref", "direction": "below"}}]}
                """);
        ExtractedDocument doc = extract(t, true);
        assertEquals("2025-03-11", doc.field("date").orElseThrow().text());
        assertEquals("0042-17", doc.field("ref").orElseThrow().text());
    }

    @Test
    void aPrintedLabelDescribedByPositionAnchorsAScan() throws Exception {
        number("5", 300, 1000, 0.9);          // part of the label's line, left of it
        number("812", 900, 1005, 0.93);       // the value, right of the label zone
        number("999", 900, 1300, 0.99);       // another line
        Template t = template("""
                {"name": "t", "fields": [{"name": "amount", "type": "integer",
                  "label": {"zone": {"x": 0.2, "y": 0.33, "width": 0.1, "height": 0.02}, "direction": "right",
                            "maxDistance": 0.4}}]}
                """);
        assertEquals("812", extract(t, false).field("amount").orElseThrow().text());
    }

    @Test
    void aCombSplitInTwoIsJoined() throws Exception {
        number("0609202", 800, 700, 0.99);
        number("3", 1500, 705, 0.90);
        number("4", 800, 900, 0.99);  // below the zone
        Template t = template("""
                {"name": "t", "dateOrder": "DMY", "fields": [{"name": "d", "type": "date", "pattern": "\\\\d{8}", "join": true,
                  "zone": {"x": 0.3, "y": 0.2, "width": 0.6, "height": 0.07}}]}
                """);
        ExtractedField d = extract(t, false).field("d").orElseThrow();
        assertEquals("2023-09-06", d.text());
        assertEquals(0.90, d.confidence());
        assertEquals(new Box(800, 700, 720, 35), d.box().orElseThrow());
        numbers.remove(1);
        assertFalse(extract(t, false).field("d").orElseThrow().found(), "seven digits do not match the pattern");
    }

    @Test
    void documentsPickTheirTemplateByKeywordsOrPrintedNumber() throws Exception {
        Template invoice = template("""
                {"name": "invoice", "match": {"keywords": ["Northwind"]},
                 "fields": [{"name": "n", "type": "integer", "label": "No"}]}
                """);
        Template form = template("""
                {"name": "form", "match": {"printed": [{"zone": {"x": 0.5, "y": 0, "width": 0.5, "height": 0.1}, "pattern": "4417"}]},
                 "fields": [{"name": "n", "type": "integer", "zone": {"x": 0, "y": 0.5, "width": 1, "height": 0.5}}]}
                """);
        Template fallback = template("""
                {"name": "any", "fields": [{"name": "m", "type": "integer", "zone": {"x": 0, "y": 0, "width": 1, "height": 1}}]}
                """);
        number("4417", 1500, 100, 0.9);
        number("31", 100, 2000, 0.9);
        PageResult page = new PageResult(1, W, H, 300, 0, numbers);
        DocumentResult doc = new DocumentResult("doc.png", "png", List.of(page));
        List<PageContent> scan = List.of(new PageContent(page, Optional.empty()));
        assertEquals(Optional.of("form"), new FieldExtractor(List.of(fallback, invoice, form)).extract(doc, scan).template());
        assertEquals(Optional.of("any"), new FieldExtractor(List.of(invoice, fallback)).extract(doc, scan).template());
        ExtractedDocument none = new FieldExtractor(List.of(invoice)).extract(doc, scan);
        assertEquals(Optional.empty(), none.template());
        assertEquals(List.of("no template matches (invoice)"), none.warnings());

        word("Northwind", 100, 100);
        List<PageContent> vector = List.of(new PageContent(page, Optional.of(words)));
        // Both match now: the first given wins.
        assertEquals(Optional.of("form"), new FieldExtractor(List.of(form, invoice)).extract(doc, vector).template());
        assertEquals(Optional.of("invoice"), new FieldExtractor(List.of(invoice, form)).extract(doc, vector).template());
    }

    @Test
    void theCsvHasOneRowPerDocumentAndEveryTemplatesColumns() throws Exception {
        totals("350.50", "66.60", "417.70");
        Template inv = template(TOTALS);
        Template other = template("""
                {"name": "other", "match": {"keywords": ["never"]},
                 "fields": [{"name": "code", "type": "id", "label": "Code"}, {"name": "total", "type": "amount", "label": "Sum"}]}
                """);
        FieldsCsvOutput csv = new FieldsCsvOutput(List.of(inv, other));
        StringWriter out = new StringWriter();
        csv.writeHeader(out);
        csv.writeRow(extract(inv, true), out);
        assertEquals("""
                file,template,lines,lines_confidence,net,net_confidence,tax,tax_confidence,total,total_confidence,code,code_confidence,flagged,warnings
                doc.pdf,inv,100.00; 250.50,0.9800,350.50,0.9900,66.60,0.9700,417.70,0.9500,,,true,check failed: net + tax = total (417.10 is not 417.70)
                """, out.toString());
    }
}
