package io.numscan.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.TestPages;
import io.numscan.geom.Box;
import io.numscan.classify.Classification;
import io.numscan.classify.DigitClasses;
import io.numscan.layout.LayoutAnalyzer;
import io.numscan.layout.LayoutOptions;
import io.numscan.layout.PageLayout;
import io.numscan.layout.Token;
import io.numscan.preprocess.PreprocessOptions;
import io.numscan.preprocess.Preprocessor;
import io.numscan.segment.Glyph;
import io.numscan.segment.SegmentedPage;
import io.numscan.segment.Segmenter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Tokens drawn as boxes: tall blocks stand for glyphs the (fake) classifier calls digits or
 * letters, small marks are placed where separators would sit.
 */
class NumberAssemblerTest {
    private final NumberAssembler assembler = new NumberAssembler(AssembleOptions.DEFAULT);

    private record Drawn(Token token, SegmentedPage page) {
    }

    private static Drawn draw(Consumer<java.awt.Graphics2D> painter) {
        var prepared = new Preprocessor(new PreprocessOptions(false, 0, false))
                .prepare(TestPages.page(TestPages.draw(800, 200, painter)));
        SegmentedPage page = new Segmenter().segment(prepared);
        PageLayout layout = new LayoutAnalyzer(LayoutOptions.DEFAULT).analyze(page);
        assertEquals(1, layout.lines().size());
        assertEquals(1, layout.lines().get(0).tokens().size(), "drawn as one token");
        return new Drawn(layout.lines().get(0).tokens().get(0), page);
    }

    /** Digits in order for the tall glyphs; small ones get "not a digit" (geometry decides them). */
    private List<RecognizedNumber> assemble(Drawn d, int... tallClasses) {
        List<Classification> classes = new ArrayList<>();
        int next = 0;
        for (var g : d.token().glyphs()) {
            boolean tall = g.box().height() >= 0.5 * d.token().lineHeight();
            int label = tall ? tallClasses[next++] : DigitClasses.NOT_A_DIGIT;
            classes.add(new Classification(label, 0.97f, label == DigitClasses.NOT_A_DIGIT ? 0 : label, 0.97f));
        }
        return assembler.assemble(d.token(), classes, d.page().labels());
    }

    @Test
    void readsThousandsAndDecimalSeparatorsByPosition() {
        // 1,234.56: comma hangs below the baseline, the period sits on it.
        Drawn d = draw(g -> {
            g.fillRect(100, 50, 10, 40);
            g.fillRect(114, 84, 4, 12);   // comma
            g.fillRect(122, 50, 18, 40);
            g.fillRect(144, 50, 18, 40);
            g.fillRect(166, 50, 18, 40);
            g.fillRect(188, 85, 5, 5);    // period
            g.fillRect(197, 50, 18, 40);
            g.fillRect(219, 50, 18, 40);
        });
        List<RecognizedNumber> numbers = assemble(d, 1, 2, 3, 4, 5, 6);
        assertEquals(1, numbers.size());
        assertEquals("1,234.56", numbers.get(0).value());
        assertEquals(8, numbers.get(0).characters().size());
        assertEquals(0.97, numbers.get(0).confidence(), 1e-6);
    }

    @Test
    void aCharacterBetweenTwoSureDigitsIsTheDigitItLooksMostLike() {
        // 1 0 9 . 9 0 with the first 0 broken: the classifier calls it no digit (0.59), a 0 at 0.39.
        Drawn d = draw(g -> {
            g.fillRect(100, 50, 10, 40);
            g.fillRect(114, 50, 18, 40);
            g.fillRect(136, 50, 18, 40);
            g.fillRect(158, 85, 5, 5);    // period
            g.fillRect(167, 50, 18, 40);
            g.fillRect(189, 50, 18, 40);
        });
        List<Classification> classes = new ArrayList<>(List.of(sure(1), new Classification(DigitClasses.NOT_A_DIGIT, 0.59f, 0, 0.39f),
                sure(9), new Classification(DigitClasses.NOT_A_DIGIT, 1f, 0, 0f), sure(9), sure(0)));
        List<RecognizedNumber> numbers = assembler.assemble(d.token(), classes, d.page().labels());
        assertEquals(1, numbers.size());
        assertEquals("109.90", numbers.get(0).value());
        // A character the classifier is certain is none (an A in 1A9) stays a letter.
        classes.set(1, new Classification(DigitClasses.NOT_A_DIGIT, 0.995f, 0, 0.004f));
        assertTrue(assembler.assemble(d.token(), classes, d.page().labels()).stream().noneMatch(n -> n.value().startsWith("10")));
    }

    private static Classification sure(int digit) {
        return new Classification(digit, 0.99f, digit, 0.99f);
    }

    @Test
    void aGlyphWiderThanTallIsNoDigitEvenWhereTheClassifierSaysSo() {
        // "boxes" in bold, b and o run together: the classifier reads the pair as a sure 6.
        Drawn wide = draw(g -> {
            g.fillRect(100, 50, 44, 40);
            g.fillRect(146, 60, 18, 30);
            g.fillRect(166, 60, 18, 30);
        });
        assertTrue(assemble(wide, 6, DigitClasses.NOT_A_DIGIT, DigitClasses.NOT_A_DIGIT).isEmpty());
        // The same token with a 6 of a digit's width keeps it.
        Drawn narrow = draw(g -> {
            g.fillRect(100, 50, 26, 40);
            g.fillRect(128, 60, 18, 30);
            g.fillRect(148, 60, 18, 30);
        });
        List<RecognizedNumber> numbers = assemble(narrow, 6, DigitClasses.NOT_A_DIGIT, DigitClasses.NOT_A_DIGIT);
        assertEquals(1, numbers.size());
        assertEquals("6", numbers.get(0).value());
    }

    @Test
    void aFairlySureDigitStartingALongerWordIsItsFirstLetter() {
        // "Goods": the G reads as a 6 at 0.93. Beside four letters that is the word's G ...
        Drawn goods = draw(g -> {
            g.fillRect(100, 50, 20, 40);
            g.fillRect(124, 60, 18, 30);
            g.fillRect(146, 60, 18, 30);
            g.fillRect(168, 50, 18, 40);
            g.fillRect(190, 60, 16, 30);
        });
        assertTrue(assembleWithFirst(goods, new Classification(6, 0.93f, 6, 0.93f)).isEmpty());
        // ... beside two characters (the two pieces of a %) a digit as sure stands.
        Drawn percent = draw(g -> {
            g.fillRect(100, 50, 20, 40);
            g.fillRect(124, 50, 10, 18);
            g.fillRect(136, 70, 10, 20);
        });
        List<RecognizedNumber> numbers = assembleWithFirst(percent, new Classification(6, 0.93f, 6, 0.93f));
        assertEquals(1, numbers.size());
        assertEquals("6", numbers.get(0).value());
    }

    /** The first glyph classified as given, every other one as a sure letter. */
    private List<RecognizedNumber> assembleWithFirst(Drawn d, Classification first) {
        List<Classification> classes = new ArrayList<>();
        for (int i = 0; i < d.token().glyphs().size(); i++) {
            classes.add(i == 0 ? first : new Classification(DigitClasses.NOT_A_DIGIT, 0.99f, 0, 0.01f));
        }
        return assembler.assemble(d.token(), classes, d.page().labels());
    }

    /** A parallelogram 40 px tall whose top is {@code lean} px right of its bottom. */
    private static void leaning(java.awt.Graphics2D g, int x, int width, int lean) {
        g.fillPolygon(new int[] {x, x + width, x + width + lean, x + lean}, new int[] {90, 90, 50, 50}, 4);
    }

    @Test
    void aDatesFaintSlashLeansLikeItsOtherOne() {
        // 12/17/2024 in an italic face (digits lean 4 px over 40): the second slash leans 14 px,
        // plainly a slash; the first only 9, less than the general rule asks, but like the second.
        java.util.function.IntFunction<Drawn> date = firstSlashLean -> draw(g -> {
            int x = 60;
            for (int k = 0; k < 10; k++) {
                boolean slash = k == 2 || k == 5;
                int lean = k == 2 ? firstSlashLean : k == 5 ? 14 : 4;
                leaning(g, x, slash ? 5 : 16, lean);
                x += (slash ? 5 + Math.max(0, lean) : 16 + lean) + 6;
            }
        });
        List<RecognizedNumber> numbers = assemble(date.apply(9), 1, 2, 1, 1, 7, 1, 2, 0, 2, 4);
        assertEquals(List.of("12/17/2024"), numbers.stream().map(RecognizedNumber::value).toList());
        // Upright, the same glyph is a 1 (12117/2024 would need another reason to be a date).
        numbers = assemble(date.apply(0), 1, 2, 1, 1, 7, 1, 2, 0, 2, 4);
        assertEquals(List.of("12117/2024"), numbers.stream().map(RecognizedNumber::value).toList());
    }

    @Test
    void keepsALeadingMinusAndCutsAtLetters() {
        // $-45.00% : a letter-like block, minus at mid-height, digits, then another letter-like block
        Drawn d = draw(g -> {
            g.fillRect(80, 46, 18, 48);   // "$"
            g.fillRect(104, 66, 14, 4);   // minus
            g.fillRect(124, 50, 18, 40);
            g.fillRect(146, 50, 18, 40);
            g.fillRect(168, 85, 5, 5);
            g.fillRect(177, 50, 18, 40);
            g.fillRect(199, 50, 18, 40);
            g.fillRect(221, 50, 24, 40);  // "%"
        });
        List<RecognizedNumber> numbers = assemble(d, DigitClasses.NOT_A_DIGIT, 4, 5, 0, 0, DigitClasses.NOT_A_DIGIT);
        assertEquals(List.of("-45.00"), numbers.stream().map(RecognizedNumber::value).toList());
    }

    @Test
    void aLoneOneAmongLettersIsALetter() {
        // "Inv": a bar the classifier takes for 1, followed by two letters
        Drawn d = draw(g -> {
            g.fillRect(100, 50, 6, 40);
            g.fillRect(112, 50, 18, 40);
            g.fillRect(134, 50, 18, 40);
        });
        assertTrue(assemble(d, 1, DigitClasses.NOT_A_DIGIT, DigitClasses.NOT_A_DIGIT).isEmpty());
        // while "A42" keeps its digits
        Drawn a42 = draw(g -> {
            g.fillRect(100, 50, 18, 40);
            g.fillRect(122, 50, 18, 40);
            g.fillRect(144, 50, 18, 40);
        });
        assertEquals("42", assemble(a42, DigitClasses.NOT_A_DIGIT, 4, 2).get(0).value());
    }

    @Test
    void aPercentSignWithDetachedRingsIsNoDigit() {
        // "19%" as a 200-DPI fax page gave it: digits, then the %'s bar with a ring overlapping
        // its top and another its bottom, each its own component.
        List<io.numscan.segment.Glyph> glyphs = List.of(glyph(1233, 713, 10, 19), glyph(1247, 712, 13, 20),
                glyph(1263, 712, 9, 10), glyph(1268, 713, 11, 18), glyph(1275, 722, 9, 9));
        char[] symbols = {'1', '9', '0', '1', '0'};
        NumberAssembler.markPercentSigns(glyphs, symbols, 20);
        assertEquals("19???", new String(symbols));
        // Digits side by side, none overlapping another, are left alone.
        List<io.numscan.segment.Glyph> plain = List.of(glyph(100, 50, 10, 20), glyph(112, 50, 10, 20),
                glyph(124, 60, 8, 10));
        char[] digits = {'1', '0', '0'};
        NumberAssembler.markPercentSigns(plain, digits, 20);
        assertEquals("100", new String(digits));
    }

    @Test
    void aBracketReadAsOneIsNoDigit() {
        // "(277)" from a 200-DPI scan: the brackets reach below the digits and stand taller.
        List<io.numscan.segment.Glyph> bracketed = List.of(glyph(432, 471, 9, 33), glyph(450, 471, 17, 29),
                glyph(472, 471, 18, 28), glyph(495, 471, 17, 28), glyph(522, 470, 8, 34));
        char[] symbols = {'1', '2', '7', '7', '1'};
        NumberAssembler.markBrackets(bracketed, symbols, 29);
        assertEquals("?277?", new String(symbols));
        // A 1 stands on the baseline: no lower than its neighbours, and no taller.
        List<io.numscan.segment.Glyph> ones = List.of(glyph(100, 50, 9, 28), glyph(112, 49, 17, 30),
                glyph(132, 50, 9, 28), glyph(144, 50, 8, 28));
        char[] digits = {'1', '3', '1', '1'};
        NumberAssembler.markBrackets(ones, digits, 29);
        assertEquals("1311", new String(digits));
        // The 1 of 471,54 beside digits the scan made short: a separator follows, the number goes on.
        List<io.numscan.segment.Glyph> amountGlyphs = List.of(glyph(100, 52, 17, 26), glyph(120, 51, 17, 27),
                glyph(140, 50, 9, 31), glyph(153, 75, 4, 4), glyph(160, 51, 17, 27));
        char[] amount = {'4', '7', '1', ',', '5'};
        NumberAssembler.markBrackets(amountGlyphs, amount, 29);
        assertEquals("471,5", new String(amount));
        // The 1 of 14,52 from a pale 200-DPI scan, beside a 4 whose foot faded: taller and lower
        // than that 4, but no taller or lower than the 5 and 2.
        List<io.numscan.segment.Glyph> paleGlyphs = List.of(glyph(1886, 950, 10, 22), glyph(1897, 950, 13, 20),
                glyph(1912, 968, 5, 6), glyph(1918, 949, 13, 23), glyph(1931, 949, 12, 23));
        char[] pale = {'1', '4', ',', '5', '2'};
        NumberAssembler.markBrackets(paleGlyphs, pale, 23);
        assertEquals("14,52", new String(pale));
    }

    @Test
    void aDecimalMarkTheFaxWipedOutIsFoundInTheGapBeforeTheLastTwoDigits() {
        // "43.52" from a 200-DPI fax: the period gone, its advance left between 3 and 5.
        List<io.numscan.segment.Glyph> faded = List.of(glyph(1851, 974, 14, 18), glyph(1868, 972, 13, 22),
                glyph(1891, 971, 14, 23), glyph(1906, 972, 16, 22));
        assertEquals(2, NumberAssembler.lostDecimalMark(faded, "4352".toCharArray(), 23));
        // Evenly spaced digits hold no lost mark.
        List<io.numscan.segment.Glyph> even = List.of(glyph(1851, 974, 14, 18), glyph(1868, 972, 13, 22),
                glyph(1884, 971, 14, 23), glyph(1900, 972, 16, 22));
        assertEquals(-1, NumberAssembler.lostDecimalMark(even, "4352".toCharArray(), 23));
        // A mark still there, or a last group of other than two digits, is no lost decimal mark.
        assertEquals(-1, NumberAssembler.lostDecimalMark(faded.subList(1, 4), "352".toCharArray(), 23));
    }

    @Test
    void digitsWrittenInGroupsKeepTheirSpaceWhereAnAmountWouldHaveLostItsMark() {
        // 43 52 with the wider step before the last two digits that a wiped-out mark leaves.
        Drawn d = draw(g -> {
            for (int x : new int[] {100, 116, 140, 156}) {
                g.fillRect(x, 50, 10, 40);
            }
        });
        List<Classification> classes = new ArrayList<>();
        for (int digit : new int[] {4, 3, 5, 2}) {
            classes.add(sure(digit));
        }
        List<RecognizedNumber> amount = assembler.assemble(d.token(), classes, d.page().labels());
        assertEquals(1, amount.size());
        assertEquals("43.52", amount.get(0).value());
        // Beside another digit group on its line (+49 43 52 1334432) the step is a space.
        List<RecognizedNumber> groups = assembler.assemble(d.token(), classes, d.page().labels(), true);
        assertEquals(List.of("43", "52"), groups.stream().map(RecognizedNumber::value).toList());
    }

    @Test
    void aTokenWrittenInDigitGroupsEndsInAGroupNotADecimalPart() {
        // The end of an IBAN, 0353 9674 63, as one token: group spaces inside it, so the wide
        // step before the last two digits is one more space, not a wiped-out decimal mark.
        int[] xs = {100, 116, 132, 148, 172, 188, 204, 220, 244, 260};
        Drawn d = draw(g -> {
            for (int x : xs) {
                g.fillRect(x, 50, 10, 40);
            }
        });
        List<Classification> classes = new ArrayList<>();
        for (int digit : new int[] {0, 3, 5, 3, 9, 6, 7, 4, 6, 3}) {
            classes.add(sure(digit));
        }
        List<RecognizedNumber> groups = assembler.assemble(d.token(), classes, d.page().labels());
        assertEquals(List.of("0353", "9674", "63"), groups.stream().map(RecognizedNumber::value).toList());
    }

    private static io.numscan.segment.Glyph glyph(int x, int y, int w, int h) {
        return new io.numscan.segment.Glyph(new io.numscan.geom.Box(x, y, w, h), new int[] {1}, w * h / 2);
    }

    @Test
    void thousandsAndDecimalSeparatorsDiffer() {
        char[] german = "3.134.60".toCharArray();
        NumberAssembler.makeSeparatorsConsistent(german, 0, german.length - 1);
        assertEquals("3.134,60", new String(german));
        char[] english = "12,345,678,9".toCharArray();
        NumberAssembler.makeSeparatorsConsistent(english, 0, english.length - 1);
        assertEquals("12,345,678.9", new String(english));
        for (String unchanged : new String[] {"12.04.2025", "1.234.567", "1,234.56", "3.14"}) {
            char[] s = unchanged.toCharArray();
            NumberAssembler.makeSeparatorsConsistent(s, 0, s.length - 1);
            assertEquals(unchanged, new String(s));
        }
    }

    @Test
    void separatorGeometry() {
        double h = 40;
        double base = 90;
        assertEquals('.', NumberAssembler.smallSeparator(new io.numscan.geom.Box(100, 85, 5, 5), 0.8, h, base));
        assertEquals(',', NumberAssembler.smallSeparator(new io.numscan.geom.Box(100, 84, 4, 12), 0.7, h, base));
        assertEquals('-', NumberAssembler.smallSeparator(new io.numscan.geom.Box(100, 66, 14, 4), 1.0, h, base));
        // a dot at cap height (an apostrophe) is none of them
        assertEquals('?', NumberAssembler.smallSeparator(new io.numscan.geom.Box(100, 50, 4, 8), 0.8, h, base));
    }

    @Test
    void aPeriodBlurredToAThirdOfTheLineIsStillAPeriod() {
        // 91.403,70 at 200 DPI: digits 29 px tall, the period 7 x 9 on the baseline.
        assertEquals('.', NumberAssembler.smallSeparator(new io.numscan.geom.Box(2118, 1804, 7, 9), 0.8, 29, 1813));
        // Half the line high it is no period.
        assertEquals('?', NumberAssembler.smallSeparator(new io.numscan.geom.Box(2118, 1798, 12, 15), 0.8, 29, 1813));
    }

    @Test
    void aCommaWhoseTailWasLostIsStillAComma() {
        double h = 21;
        double base = 926;
        // A 300-DPI fax: the comma of 22,84 kept only its 3x6 head, ending on the baseline.
        assertEquals(',', NumberAssembler.smallSeparator(new io.numscan.geom.Box(1879, 921, 3, 6), 14 / 18.0, h, base));
        // A period of the same page is as wide as it is tall.
        assertEquals('.', NumberAssembler.smallSeparator(new io.numscan.geom.Box(1879, 922, 4, 4), 0.75, h, base));
        // A monospaced face's period at 300 DPI: a solid 5x7 block on the baseline, no comma head.
        assertEquals('.', NumberAssembler.smallSeparator(new io.numscan.geom.Box(1822, 1287, 5, 7), 1.0, 31, 1294));
        // A monospaced serif face's comma at 200 DPI (14,13): a solid 3x8 bar reaching 2 px under
        // the baseline; read as no mark, it parted the amount in two.
        assertEquals(',', NumberAssembler.smallSeparator(new io.numscan.geom.Box(2249, 1091, 3, 8), 1.0, 26, 1097));
    }

    @Test
    void aCommaBlurredIntoABlobStillReachesBelowTheBaseline() {
        // A light serif's comma in 31,87 read from faint ink: head and tail one 5x6 blob, solid,
        // two pixels under the baseline of a 19-px line.
        assertEquals(',', NumberAssembler.smallSeparator(new io.numscan.geom.Box(1748, 1077, 5, 6), 0.95, 19, 1081));
        // A period as blurred sits on the baseline, or a pixel under it.
        assertEquals('.', NumberAssembler.smallSeparator(new io.numscan.geom.Box(1748, 1077, 5, 5), 0.95, 19, 1081));
        // Wider than tall below the baseline is no comma's tail either.
        assertEquals('.', NumberAssembler.smallSeparator(new io.numscan.geom.Box(1748, 1079, 6, 5), 0.95, 19, 1081));
    }

    @Test
    void aBoldCommaHalfTheLineHighSeparatesAnAmount() {
        // 54,213.50 at 300 DPI: the comma is 16 px of a 31-px line, its top in the line's lower half.
        Drawn d = draw(g -> {
            g.fillRect(100, 50, 20, 31);
            g.fillRect(124, 50, 20, 31);
            g.fillRect(150, 73, 9, 16);
            g.fillRect(164, 50, 20, 31);
            g.fillRect(188, 50, 20, 31);
            g.fillRect(212, 50, 20, 31);
            g.fillRect(238, 75, 6, 6);
            g.fillRect(250, 50, 20, 31);
            g.fillRect(274, 50, 20, 31);
        });
        // The comma is tall enough to be classified (as the 1 it resembles at 0.53 in the scan).
        List<RecognizedNumber> numbers = assemble(d, 5, 4, 1, 2, 1, 3, 5, 0);
        assertEquals(1, numbers.size());
        assertEquals("54,213.50", numbers.get(0).value());
    }

    @Test
    void aPercentSignKeepingOneRingIsNoDigit() {
        // 19% at 300 DPI: the bar kept its upper ring (one glyph, read as a 9); the lower ring is apart.
        List<io.numscan.segment.Glyph> glyphs = List.of(glyph(1929, 1569, 15, 25), glyph(1949, 1569, 17, 25),
                glyph(1970, 1569, 22, 25), glyph(1987, 1581, 11, 13));
        char[] symbols = {'1', '9', '9', '0'};
        NumberAssembler.markPercentSigns(glyphs, symbols, 25);
        assertEquals("19??", new String(symbols));
        // A period tucked under a 7 is far smaller than a ring and stays what it is.
        List<io.numscan.segment.Glyph> seven = List.of(glyph(100, 50, 18, 25), glyph(112, 70, 5, 5));
        char[] sevenPoint = {'7', '.'};
        NumberAssembler.markPercentSigns(seven, sevenPoint, 25);
        assertEquals("7.", new String(sevenPoint));
    }

    @Test
    void theBarOfACondensedPercentSignWithOneRingIsNotOfferedForSplitting() {
        // 7% in a condensed face at 300 DPI: ring and bar are one glyph that a cut would make 9|1.
        List<io.numscan.segment.Glyph> glyphs = List.of(glyph(1930, 1143, 15, 23), glyph(1948, 1143, 22, 23),
                glyph(1965, 1152, 11, 14));
        boolean[] parts = NumberAssembler.percentSignParts(glyphs, 23);
        assertEquals(List.of(false, true, true), List.of(parts[0], parts[1], parts[2]));
        List<io.numscan.segment.Glyph> digits = List.of(glyph(1930, 1143, 15, 23), glyph(1948, 1143, 15, 23));
        boolean[] none = NumberAssembler.percentSignParts(digits, 23);
        assertEquals(List.of(false, false), List.of(none[0], none[1]));
    }

    @Test
    void aDateKeepsLikeMarks() {
        char[] date = "28,10.2024".toCharArray();
        NumberAssembler.makeSeparatorsConsistent(date, 0, date.length - 1);
        assertEquals("28.10.2024", new String(date));
        char[] amount = "1,234.56".toCharArray();
        NumberAssembler.makeSeparatorsConsistent(amount, 0, amount.length - 1);
        assertEquals("1,234.56", new String(amount));
    }

    @Test
    void aDescendingLetterAmongLettersIsNoDigit() {
        // "ing": x-height letters on the baseline and a g that starts at the x-height and hangs below.
        double lineHeight = 40;
        double baseline = 90;
        List<io.numscan.segment.Glyph> glyphs = List.of(glyph(100, 62, 8, 28), glyph(112, 62, 20, 28),
                glyph(136, 62, 20, 40));
        char[] symbols = {'?', '?', '8'};
        assertEquals(1, NumberAssembler.markDescenders(glyphs, symbols, lineHeight, baseline));
        assertEquals("???", new String(symbols));
        // A digit standing on the baseline, cap-high, is left alone.
        char[] digit = {'?', '?', '8'};
        List<io.numscan.segment.Glyph> onBaseline = List.of(glyph(100, 62, 8, 28), glyph(112, 62, 20, 28),
                glyph(136, 50, 20, 40));
        assertEquals(0, NumberAssembler.markDescenders(onBaseline, digit, lineHeight, baseline));
        assertEquals("??8", new String(digit));
    }

    @Test
    void spacesBetweenDigitGroupsSeparateNumbers() {
        // +49 75 4651894: tabular digits 20 px apart, word spaces 10 px wide in a 29-px line.
        List<io.numscan.segment.Glyph> phone = new ArrayList<>();
        int[] lefts = {353, 373, 402, 422, 450, 472, 491, 511, 526, 546, 566};
        for (int x : lefts) {
            phone.add(glyph(x, 525, 18, 29));
        }
        char[] digits = "49754651894".toCharArray();
        boolean[] spaces = NumberAssembler.digitGroupSpaces(phone, digits, 29);
        assertTrue(spaces[2] && spaces[4], "spaces before 75 and before 4651894");
        int count = 0;
        for (boolean b : spaces) {
            count += b ? 1 : 0;
        }
        assertEquals(2, count);
        // 1 234 567 written with spaces is one number.
        List<io.numscan.segment.Glyph> grouped = new ArrayList<>();
        int[] groupedLefts = {100, 130, 150, 170, 200, 220, 240};
        for (int x : groupedLefts) {
            grouped.add(glyph(x, 50, 18, 29));
        }
        boolean[] none = NumberAssembler.digitGroupSpaces(grouped, "1234567".toCharArray(), 29);
        for (boolean b : none) {
            assertTrue(!b, "grouped thousands stay whole");
        }
        // A monospaced 1, narrow in its cell, leaves wide gaps but the same step: no space.
        List<io.numscan.segment.Glyph> mono = List.of(glyph(100, 50, 16, 29), glyph(124, 50, 16, 29),
                glyph(154, 50, 6, 29), glyph(178, 50, 6, 29), glyph(196, 50, 16, 29));
        boolean[] monoSpaces = NumberAssembler.digitGroupSpaces(mono, "20118".toCharArray(), 29);
        for (boolean b : monoSpaces) {
            assertTrue(!b, "no space in monospaced 20118");
        }
        // The end of an IBAN in a proportional face, ...5661 71: the space after the narrow 1
        // lengthens the step between centres by only a quarter, but the gap is five times the usual.
        List<io.numscan.segment.Glyph> iban = List.of(glyph(717, 1193, 18, 29), glyph(737, 1193, 18, 29),
                glyph(757, 1193, 18, 29), glyph(777, 1193, 13, 29), glyph(800, 1193, 18, 29), glyph(821, 1193, 13, 29));
        boolean[] ibanSpaces = NumberAssembler.digitGroupSpaces(iban, "566171".toCharArray(), 29);
        assertTrue(ibanSpaces[4], "space before 71");
    }

    private static List<Glyph> digitsAround(Box piece) {
        return List.of(new Glyph(new Box(100, 160, 50, 60), new int[] {1}, 900), new Glyph(piece, new int[] {2}, 60),
                new Glyph(new Box(170, 160, 50, 60), new int[] {3}, 900));
    }

    @Test
    void aPieceTornOffADigitBelongsToTheDigitItLiesUnder() {
        double lineHeight = 60;
        double baseline = 220;
        // The top stroke of a 5 written apart, a quarter and more of it over the 5.
        assertEquals(0, NumberAssembler.fragmentOwner(digitsAround(new Box(135, 160, 40, 12)), 1, lineHeight, baseline));
        // The same stroke reaching mostly over the next digit is that one's.
        assertEquals(2, NumberAssembler.fragmentOwner(digitsAround(new Box(145, 160, 40, 12)), 1, lineHeight, baseline));
        // A hyphen stands in the gap between digits.
        assertEquals(-1, NumberAssembler.fragmentOwner(digitsAround(new Box(152, 185, 16, 5)), 1, lineHeight, baseline));
        // One that reaches a quarter under a digit still does; half under it, it is a piece of the digit.
        assertEquals(-1, NumberAssembler.fragmentOwner(digitsAround(new Box(145, 185, 20, 5)), 1, lineHeight, baseline));
        assertEquals(0, NumberAssembler.fragmentOwner(digitsAround(new Box(140, 185, 20, 5)), 1, lineHeight, baseline));
        // A period may tuck under a 7's arm.
        assertEquals(-1, NumberAssembler.fragmentOwner(digitsAround(new Box(140, 212, 8, 8)), 1, lineHeight, baseline));
        // A full-size glyph is nobody's piece.
        assertEquals(-1, NumberAssembler.fragmentOwner(digitsAround(new Box(135, 160, 40, 50)), 1, lineHeight, baseline));
    }

    @Test
    void aSpeckAloneIsNoDigitHoweverSureTheClassifierIs() {
        Drawn speck = draw(g -> g.fillRect(100, 100, 3, 3));
        assertEquals(List.of(), assemble(speck, 7).stream().map(RecognizedNumber::value).toList());
        // A sliver left where a dark band's skewed edge was cut off: its own line, as tall as itself.
        Drawn sliver = draw(g -> g.fillRect(100, 100, 6, 10));
        assertEquals(List.of(), assemble(sliver, 0).stream().map(RecognizedNumber::value).toList());
        Drawn small = draw(g -> g.fillRect(100, 100, 5, 12));
        assertEquals(List.of("7"), assemble(small, 7).stream().map(RecognizedNumber::value).toList());
    }

    @Test
    void aDigitALittleShorterThanTheLineStaysADigit() {
        // The faded 4 of DE94 on a pale 200-DPI scan stood 0.83 of the line's height.
        Drawn d = draw(g -> {
            for (int x : new int[] {100, 130, 160}) {
                g.fillRect(x, 40, 22, 60);
            }
            g.fillRect(190, 50, 22, 50);
        });
        assertEquals(List.of("5094"), assemble(d, 5, 0, 9, 4).stream().map(RecognizedNumber::value).toList());
    }

    @Test
    void aDigitTornFromItsFootStaysADigit() {
        // 66244 on a light-face 200-DPI fax: the first 4's stem broke off below its bar, leaving
        // 0.8 of the line's height, with its top level with the 2 and the 4 beside it.
        Drawn torn = draw(g -> {
            for (int x : new int[] {100, 130, 160, 220}) {
                g.fillRect(x, 40, 22, 60);
            }
            g.fillRect(190, 40, 22, 48);
        });
        assertEquals(List.of("66244"), assemble(torn, 6, 6, 2, 4, 4).stream().map(RecognizedNumber::value).toList());
        // As short but standing on the baseline, it is a letter's height, not a torn digit.
        Drawn low = draw(g -> {
            for (int x : new int[] {100, 130, 160, 220}) {
                g.fillRect(x, 40, 22, 60);
            }
            g.fillRect(190, 52, 22, 48);
        });
        assertEquals(List.of("662", "4"), assemble(low, 6, 6, 2, 4, 4).stream().map(RecognizedNumber::value).toList());
    }

    @Test
    void aHyphenWornToADotStillJoinsTheNumber() {
        // 555-8914 on a 200-DPI fax: the hyphen's bar kept only a dot, at mid-height in its room.
        Drawn worn = draw(g -> {
            for (int x : new int[] {100, 130, 160, 200, 230, 260, 290}) {
                g.fillRect(x, 40, 22, 40);
            }
            g.fillRect(189, 58, 4, 4);
        });
        assertEquals(List.of("555-8914"),
                assemble(worn, 5, 5, 5, 8, 9, 1, 4).stream().map(RecognizedNumber::value).toList());
        // The same dot in the usual gap between two digits is noise, not a hyphen.
        Drawn noise = draw(g -> {
            for (int x : new int[] {100, 130, 160, 190, 220, 250, 280}) {
                g.fillRect(x, 40, 22, 40);
            }
            g.fillRect(183, 58, 4, 4);
        });
        assertEquals(List.of("555", "8914"),
                assemble(noise, 5, 5, 5, 8, 9, 1, 4).stream().map(RecognizedNumber::value).toList());
    }

    @Test
    void aSpeckOfNoiseDoesNotPartANumber() {
        // 2025-99764 in a bilevel scan's dark band: white specks between the hyphen and the 9.
        Drawn d = draw(g -> {
            for (int x : new int[] {100, 116, 132, 148, 186, 202, 218, 234, 250}) {
                g.fillRect(x, 50, 10, 40);
            }
            g.fillRect(163, 68, 12, 5); // hyphen
            g.fillRect(178, 56, 2, 2);
        });
        assertEquals(List.of("2025-99764"),
                assemble(d, 2, 0, 2, 5, 9, 9, 7, 6, 4).stream().map(RecognizedNumber::value).toList());
        // A period is no speck: a small one on the baseline still parts an amount.
        Drawn amount = draw(g -> {
            for (int x : new int[] {100, 116, 140, 156}) {
                g.fillRect(x, 50, 10, 40);
            }
            g.fillRect(129, 87, 3, 3);
        });
        assertEquals(List.of("43.52"), assemble(amount, 4, 3, 5, 2).stream().map(RecognizedNumber::value).toList());
    }

    @Test
    void aTokenOfNothingButASpeckReadsAsNothing() {
        io.numscan.segment.Glyph speck = glyph(300, 60, 2, 2);
        Token token = new Token(speck.box(), List.of(speck), 30, 100, -1, false);
        assertEquals(List.of(), assembler.assemble(token,
                List.of(new Classification(DigitClasses.NOT_A_DIGIT, 1f, 0, 0f)), null));
    }

    @Test
    void aBareBarTheClassifierDoubtsIsNoOne() {
        // What is left of a table's ruled line or a band's edge: an upright bar alone.
        Drawn bar = draw(g -> g.fillRect(100, 50, 4, 24));
        assertEquals(List.of(), valuesWithFirst(bar, new Classification(1, 0.8f, 1, 0.8f)));
        assertEquals(List.of("1"), valuesWithFirst(bar, new Classification(1, 0.97f, 1, 0.97f)));
        // A 1 with its flag is as unsure on a poor scan and still a 1.
        Drawn flagged = draw(g -> {
            g.fillRect(104, 50, 4, 24);
            g.fillRect(98, 50, 8, 4);
        });
        assertEquals(List.of("1"), valuesWithFirst(flagged, new Classification(1, 0.8f, 1, 0.8f)));
        // "ID" read as 10: the I is a bare bar ...
        List<Classification> oneZero = List.of(new Classification(1, 0.93f, 1, 0.93f), new Classification(0, 0.93f, 0, 0.93f));
        Drawn id = draw(g -> {
            g.fillRect(100, 50, 5, 28);
            g.fillRect(112, 50, 22, 28);
        });
        assertEquals(List.of(), values(id, oneZero));
        // ... where a 10 has its 1's flag.
        Drawn ten = draw(g -> {
            g.fillRect(106, 50, 5, 28);
            g.fillRect(100, 50, 8, 5);
            g.fillRect(118, 50, 22, 28);
        });
        assertEquals(List.of("10"), values(ten, oneZero));
    }

    @Test
    void aLoneBarInAColumnOfNumbersIsAOne() {
        // A light serif 1 at 200 DPI that lost its serifs: 6 x 21 px, an l to the classifier (0.54 against 0.46).
        Drawn bar = draw(g -> g.fillRect(100, 50, 6, 21));
        Classification doubted = new Classification(DigitClasses.NOT_A_DIGIT, 0.54f, 1, 0.46f);
        assertEquals(List.of(), inColumn(bar, doubted, false));
        assertEquals(List.of("1"), inColumn(bar, doubted, true));
        // Thinner still it is a bare bar, which alone is a ruled line's leftover, in the column a 1.
        Drawn bare = draw(g -> g.fillRect(100, 50, 5, 22));
        Classification fair = new Classification(1, 0.85f, 1, 0.85f);
        assertEquals(List.of(), inColumn(bare, fair, false));
        assertEquals(List.of("1"), inColumn(bare, fair, true));
        // Even there, a glyph the classifier hardly takes for a 1, or one as wide as a letter, is none.
        assertEquals(List.of(), inColumn(bar, new Classification(DigitClasses.NOT_A_DIGIT, 0.9f, 1, 0.1f), true));
        Drawn wide = draw(g -> g.fillRect(100, 50, 12, 21));
        assertEquals(List.of(), inColumn(wide, doubted, true));
        // 17 in the column: the 1 the same doubted bar, the 7 sure.
        Drawn seventeen = draw(g -> {
            g.fillRect(100, 50, 6, 21);
            g.fillRect(110, 50, 13, 21);
        });
        assertEquals(List.of("7"), inColumn(seventeen, List.of(doubted, sure(7)), false));
        assertEquals(List.of("17"), inColumn(seventeen, List.of(doubted, sure(7)), true));
        // With the 7 doubted too it is no number of sure digits with one bar among them.
        assertEquals(List.of(), inColumn(seventeen, List.of(doubted, new Classification(7, 0.6f, 7, 0.6f)), true));
    }

    private List<String> inColumn(Drawn d, Classification only, boolean inNumberColumn) {
        return inColumn(d, List.of(only), inNumberColumn);
    }

    private List<String> inColumn(Drawn d, List<Classification> classes, boolean inNumberColumn) {
        return assembler.assemble(d.token(), classes, d.page().labels(), false, inNumberColumn).stream()
                .map(RecognizedNumber::value).toList();
    }

    @Test
    void aTableCellsWordWhoseLettersRanTogetherIsNoFieldOfDigits() {
        // The header cell "Qty": Q, then t and y run into one glyph that reads as an unsure 7.
        Drawn qty = draw(g -> {
            g.fillRect(100, 50, 26, 40);
            g.fillRect(130, 50, 46, 40);
        });
        assertEquals(List.of(), valuesInCell(qty, 0.45f));
        // A handwritten digit beside a stray letter-like stroke in a form box is still read.
        Drawn digit = draw(g -> {
            g.fillRect(100, 50, 26, 40);
            g.fillRect(130, 50, 30, 40);
        });
        assertEquals(List.of("7"), valuesInCell(digit, 0.45f));
        // The unit cell "pcs": p and c fused into one glyph wider than tall, then an s that reads
        // as a 5 at a coin toss. The fused glyph stands for two letters, so the cell holds a word.
        Drawn pcs = draw(g -> {
            g.fillRect(100, 50, 50, 40);
            g.fillRect(154, 60, 20, 30);
        });
        Token t = pcs.token();
        Token inCell = new Token(t.box(), t.glyphs(), t.lineHeight(), t.baseline(), 0, false);
        assertEquals(List.of(), values(new Drawn(inCell, pcs.page()),
                List.of(new Classification(DigitClasses.NOT_A_DIGIT, 0.95f, 4, 0.02f), new Classification(5, 0.51f, 5, 0.51f))));
    }

    private List<String> valuesWithFirst(Drawn d, Classification first) {
        return assembleWithFirst(d, first).stream().map(RecognizedNumber::value).toList();
    }

    /** The token in a table cell or form box: a fairly sure letter, then a 7 of the given probability. */
    private List<String> valuesInCell(Drawn d, float seven) {
        Token t = d.token();
        Token inCell = new Token(t.box(), t.glyphs(), t.lineHeight(), t.baseline(), 0, false);
        List<Classification> classes = List.of(new Classification(DigitClasses.NOT_A_DIGIT, 0.965f, 7, 0.02f),
                new Classification(7, seven, 7, seven));
        return values(new Drawn(inCell, d.page()), classes);
    }

    private List<String> values(Drawn d, List<Classification> classes) {
        return assembler.assemble(d.token(), classes, d.page().labels()).stream().map(RecognizedNumber::value).toList();
    }

    @Test
    void anUnsureDigitAfterOneLetterIsTheWordsSecondLetter() {
        // "kg" and "of": the g reads as an 8 at 0.77, the f as a 9 at 0.58.
        Drawn kg = draw(g -> {
            g.fillRect(100, 50, 18, 40);
            g.fillRect(122, 60, 18, 40);
        });
        List<Classification> unsure = List.of(new Classification(DigitClasses.NOT_A_DIGIT, 0.99f, 0, 0.01f),
                new Classification(8, 0.77f, 8, 0.77f));
        assertEquals(List.of(), values(kg, unsure));
        // A sure digit after a sign stays (x8, 5%).
        List<Classification> sure = List.of(new Classification(DigitClasses.NOT_A_DIGIT, 0.99f, 0, 0.01f),
                new Classification(8, 0.97f, 8, 0.97f));
        assertEquals(List.of("8"), values(kg, sure));
    }

    @Test
    void aSureDigitInAWordThatDoesNotStandAsDigitsDoIsALetter() {
        // "Customer": the r, an x-height letter, reads as a 7 at 0.99; at the capitals' height a 7 stands.
        assertEquals(List.of(), values(word(true, 62, 90), sureDigitInTheMiddle()));
        assertEquals(List.of("7"), values(word(true, 50, 90), sureDigitInTheMiddle()));
        // "engage": the g reads as an 8 at 0.99 and hangs below the baseline; one standing on it stands.
        assertEquals(List.of(), values(word(false, 62, 100), sureDigitInTheMiddle()));
        assertEquals(List.of("7"), values(word(false, 52, 90), sureDigitInTheMiddle()));
    }

    /** Five glyphs: a capital (or an x-height letter), a letter, the middle glyph from top to bottom, two letters. */
    private static Drawn word(boolean capital, int top, int bottom) {
        return draw(g -> {
            if (capital) {
                g.fillRect(100, 50, 18, 40);
            } else {
                g.fillRect(100, 62, 16, 28);
            }
            g.fillRect(122, 62, 16, 28);
            g.fillRect(142, top, 16, bottom - top);
            g.fillRect(162, 62, 16, 28);
            g.fillRect(182, 62, 16, 28);
        });
    }

    private static List<Classification> sureDigitInTheMiddle() {
        Classification letter = new Classification(DigitClasses.NOT_A_DIGIT, 0.99f, 0, 0.01f);
        return List.of(letter, letter, new Classification(7, 0.99f, 7, 0.99f), letter, letter);
    }
}
