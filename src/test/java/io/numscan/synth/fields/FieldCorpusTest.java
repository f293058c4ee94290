package io.numscan.synth.fields;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.numscan.evaluate.FieldAccuracy;
import io.numscan.extract.Check;
import io.numscan.synth.SampleDocuments;
import io.numscan.synth.SampleFonts;
import io.numscan.train.data.DigitSplits;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed field samples are what the generator makes, and their expected values are consistent. */
class FieldCorpusTest {
    private static final Path SAMPLES = Path.of("samples/fields");
    private static final Path DATA = Path.of("data");
    private static final long SEED = 7000L;

    @TempDir
    Path tmp;

    private static Map<String, FieldAccuracy.ExpectedRow> expected() throws Exception {
        return FieldAccuracy.readExpected(SAMPLES.resolve(FieldCorpus.EXPECTED)).stream()
                .collect(Collectors.toMap(FieldAccuracy.ExpectedRow::file, r -> r));
    }

    @Test
    void regeneratingGivesTheCommittedDocumentsAndValues() throws Exception {
        assumeTrue(SampleFonts.allPreferredInstalled(), "Liberation fonts not installed (Debian: fonts-liberation)");
        assumeTrue(Files.isRegularFile(DATA.resolve("digits-test-images-idx3-ubyte.gz")), "no data/ splits");
        Map<String, FieldAccuracy.ExpectedRow> rows = expected();
        for (int i = 1; i <= 2; i++) {
            FieldInvoice invoice = new FieldInvoice(SEED + i);
            Path pdf = tmp.resolve("invoice-" + i + ".pdf");
            invoice.write(pdf);
            assertArrayEquals(Files.readAllBytes(SAMPLES.resolve(pdf.getFileName())), Files.readAllBytes(pdf), pdf.toString());
            assertEquals(invoice.truth(), nonEmpty(rows.get("invoice-" + i + ".pdf").values()));

            FieldForm form = new FieldForm(DigitSplits.load(DATA, DigitSplits.TEST), SEED + i);
            Path png = tmp.resolve("form-" + i + ".png");
            SampleDocuments.writePng(form.render(), png);
            assertArrayEquals(Files.readAllBytes(SAMPLES.resolve(png.getFileName())), Files.readAllBytes(png), png.toString());
            assertEquals(form.truth(), nonEmpty(rows.get("form-" + i + ".png").values()));
        }
    }

    private static Map<String, String> nonEmpty(Map<String, String> values) {
        return values.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void expectedValuesObeyTheTemplatesChecks() throws Exception {
        for (FieldAccuracy.ExpectedRow row : expected().values()) {
            Map<String, String> v = row.values();
            if (row.template().equals(FieldCorpus.INVOICE_TEMPLATE)) {
                BigDecimal lines = Arrays.stream(v.get("line_amounts").split("; ")).map(BigDecimal::new)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(new BigDecimal(v.get("net")), lines, row.file());
                assertEquals(new BigDecimal(v.get("total")), new BigDecimal(v.get("net")).add(new BigDecimal(v.get("tax"))),
                        row.file());
            } else {
                String ref = v.get("order_reference");
                assertEquals(9, ref.length(), row.file());
                assertEquals(ref.charAt(8) - '0', Check.luhnDigit(ref.substring(0, 8)), row.file());
                assertEquals(List.of(), List.of(v.get("delivery_date")).stream().filter(d -> !d.matches("\\d{4}-\\d{2}-\\d{2}"))
                        .toList(), row.file());
            }
        }
    }
}
