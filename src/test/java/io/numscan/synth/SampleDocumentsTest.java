package io.numscan.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.numscan.assemble.NumberTokens;
import io.numscan.train.data.DigitSet;
import io.numscan.train.data.DigitSplits;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDocumentsTest {

    private static final Path SAMPLES = Path.of("samples");
    private static final Path DATA = Path.of("data");

    @TempDir
    Path tmp;

    @Test
    void regeneratingGivesTheCommittedExpectedFiles() throws IOException {
        assumeTrue(SampleFonts.allPreferredInstalled(),
                "Liberation fonts not installed (Debian: fonts-liberation); expected boxes depend on them");
        assumeTrue(Files.isRegularFile(DATA.resolve("digits-test-images-idx3-ubyte.gz")), "no data/ splits");
        new SampleDocuments(DATA).generate(tmp);
        for (String sample : SampleDocuments.SAMPLES) {
            String name = SampleDocuments.expectedName(sample);
            assertTrue(Files.isRegularFile(tmp.resolve(sample)), sample + " not generated");
            String committed = Files.readString(SAMPLES.resolve(name), StandardCharsets.UTF_8);
            String regenerated = Files.readString(tmp.resolve(name), StandardCharsets.UTF_8);
            assertEquals(committed, regenerated, name + " differs from a fresh generation");
        }
    }

    @Test
    void expectedValuesFollowTheNumberTokens() throws IOException {
        for (String sample : SampleDocuments.SAMPLES) {
            Expected.Document doc = Expected.read(SAMPLES.resolve(SampleDocuments.expectedName(sample)));
            assertEquals(sample, doc.file());
            assertFalse(doc.pages().isEmpty(), sample);
            for (Expected.Page page : doc.pages()) {
                assertFalse(page.numbers().isEmpty(), sample + " has no numbers");
                for (Expected.Number n : page.numbers()) {
                    String v = n.value();
                    assertTrue(v.chars().anyMatch(Character::isDigit), sample + ": no digit in " + v);
                    assertTrue(Character.isDigit(v.charAt(0)) || v.charAt(0) == '-', sample + ": bad start " + v);
                    assertTrue(Character.isDigit(v.charAt(v.length() - 1)), sample + ": bad end " + v);
                    assertTrue(NumberTokens.isToken(v), sample + ": " + v);
                    assertEquals(List.of(v), NumberTokens.tokens(v).stream().map(NumberTokens.Token::value).toList(),
                            sample + ": value is not a single token: " + v);
                    assertTrue(n.width() > 0 && n.height() > 0, sample + ": empty box for " + v);
                    assertTrue(n.x() >= 0 && n.y() >= 0 && n.x() + n.width() <= page.width()
                            && n.y() + n.height() <= page.height(), sample + ": box off the page for " + v);
                }
            }
        }
    }

    @Test
    void pngSamplesHaveTheSizeTheirExpectedFilesSay() throws IOException {
        for (String sample : List.of(SampleDocuments.INVOICE_SCAN, SampleDocuments.FORM)) {
            BufferedImage img = ImageIO.read(SAMPLES.resolve(sample).toFile());
            assertNotNull(img, sample);
            Expected.Page page = Expected.read(SAMPLES.resolve(SampleDocuments.expectedName(sample))).pages().get(0);
            assertEquals(page.width(), img.getWidth(), sample);
            assertEquals(page.height(), img.getHeight(), sample);
            assertTrue(Files.size(SAMPLES.resolve(sample)) < 4_500_000L, sample + " is too large");
        }
    }

    @Test
    void handwrittenDigitsComeFromTheTestSplitAndMatchTheValues() throws IOException {
        assumeTrue(Files.isRegularFile(DATA.resolve("digits-test-images-idx3-ubyte.gz")), "no data/ splits");
        DigitSet test = DigitSplits.load(DATA, DigitSplits.TEST);
        Expected.Document doc = Expected.read(SAMPLES.resolve(SampleDocuments.expectedName(SampleDocuments.FORM)));
        Set<Integer> seen = new HashSet<>();
        for (Expected.Number n : doc.pages().get(0).numbers()) {
            assertNotNull(n.sourceDigits(), n.value());
            assertEquals(n.value().length(), n.sourceDigits().size(), n.value());
            for (int i = 0; i < n.value().length(); i++) {
                int index = n.sourceDigits().get(i);
                assertTrue(index >= 0 && index < test.size(), "test index " + index);
                assertEquals(n.value().charAt(i) - '0', test.label(index), n.value() + " digit " + i);
                assertTrue(seen.add(index), "test digit " + index + " used twice");
            }
            assertTrue(n.height() >= 20 && n.height() <= 90, n.value() + " height " + n.height());
        }
    }

    @Test
    void tokenRuleExamples() {
        assertEquals(List.of("1,234.56"), values("$1,234.56"));
        assertEquals(List.of("19"), values("VAT 19%"));
        assertEquals(List.of("538", "555-6523"), values("Phone: (538) 555-6523"));
        assertEquals(List.of("-45.00"), values("-45.00"));
        assertEquals(List.of("03/11/2025"), values("Date: 03/11/2025"));
        assertEquals(List.of("2024-00173"), values("Invoice No: 2024-00173"));
        assertEquals(List.of("1", "1"), values("Page 1 of 1"));
        assertEquals(List.of(), values("Paper, white"));
        NumberTokens.Token t = NumberTokens.tokens("Total $1,985.94").get(0);
        assertEquals(7, t.start());
        assertEquals(15, t.end());
        assertFalse(NumberTokens.isToken("$12"));
        assertFalse(NumberTokens.isToken("12%"));
        assertFalse(NumberTokens.isToken("-"));
        assertTrue(NumberTokens.isToken("-4"));
    }

    private static List<String> values(String text) {
        return NumberTokens.tokens(text).stream().map(NumberTokens.Token::value).toList();
    }
}
