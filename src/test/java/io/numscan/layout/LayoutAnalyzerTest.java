package io.numscan.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.TestPages;
import io.numscan.geom.Box;
import io.numscan.preprocess.PreprocessOptions;
import io.numscan.preprocess.Preprocessor;
import io.numscan.segment.Glyph;
import io.numscan.segment.Segmenter;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutAnalyzerTest {
    private static PageLayout layout(BufferedImage image, boolean rules) {
        var prepared = new Preprocessor(new PreprocessOptions(false, 0, rules)).prepare(TestPages.page(image));
        return new LayoutAnalyzer(LayoutOptions.DEFAULT).analyze(new Segmenter().segment(prepared));
    }

    private static List<Integer> tokenSizes(TextLine line) {
        return line.tokens().stream().map(t -> t.glyphs().size()).toList();
    }

    @Test
    void splitsLinesAndTokensByGapsRelativeToCharacterHeight() {
        PageLayout small = layout(TestPages.draw(600, 200, g -> {
            // three "characters" 10 apart, then a word space of 25, two more; a second line below
            for (int x : new int[] {20, 45, 70, 125, 150}) {
                g.fillRect(x, 40, 15, 30);
            }
            for (int x : new int[] {20, 45}) {
                g.fillRect(x, 120, 15, 30);
            }
        }), false);
        assertEquals(2, small.lines().size());
        assertEquals(List.of(3, 2), tokenSizes(small.lines().get(0)));
        assertEquals(List.of(2), tokenSizes(small.lines().get(1)));

        // The same proportions four times larger give the same tokens.
        PageLayout large = layout(TestPages.draw(1200, 400, g -> {
            for (int x : new int[] {80, 180, 280, 500, 600}) {
                g.fillRect(x, 100, 60, 120);
            }
        }), false);
        assertEquals(List.of(3, 2), tokenSizes(large.lines().get(0)));
    }

    @Test
    void aMinusBeforeABrokenFirstDigitStaysOnItsLine() {
        // -97.74 on a fax: the 9 came as its bowl, ending a little below the minus's top, and its
        // stem. Met first, the minus began a line; the bowl overlapped it too little to join it.
        PageLayout page = layout(TestPages.draw(600, 160, g -> {
            g.fillRect(100, 74, 18, 6);
            g.fillRect(124, 46, 14, 30);
            g.fillRect(142, 46, 14, 48);
            for (int x : new int[] {172, 202, 232}) {
                g.fillRect(x, 46, 22, 48);
            }
        }), false);
        assertEquals(1, page.lines().size());
        assertEquals(6, page.lines().get(0).tokens().stream().mapToInt(t -> t.glyphs().size()).sum());
        assertEquals(100, page.lines().get(0).tokens().get(0).glyphs().get(0).box().x());
        // A dash well apart from the amount, or above its band, keeps its own line.
        PageLayout apart = layout(TestPages.draw(600, 200, g -> {
            g.fillRect(60, 74, 18, 6);
            g.fillRect(124, 20, 18, 6);
            g.fillRect(124, 46, 14, 30);
            g.fillRect(142, 46, 14, 48);
        }), false);
        assertEquals(3, apart.lines().size());
    }

    @Test
    void tabularOnesKeepTheirAmountTogetherThoughTheInkBetweenThemIsAWordSpaceWide() {
        // Digits 38 px high on a 28-px advance; a 1 is 8 px of ink centred in its cell, so two 1s
        // are 20 px apart, more than a word space (0.42 of the height) measured ink to ink.
        PageLayout page = layout(TestPages.draw(600, 120, g -> {
            int[] widths = {24, 24, 8, 8, 24, 24, 24};
            for (int i = 0; i < widths.length; i++) {
                int centre = 34 + 28 * i;
                g.fillRect(centre - widths[i] / 2, 40, widths[i], 38);
            }
            // A word space after the amount, then a 1 and a 5: the step to that 1 is no digit's.
            int centre = 34 + 28 * 6 + 44;
            g.fillRect(centre - 4, 40, 8, 38);
            g.fillRect(centre + 28 - 12, 40, 24, 38);
        }), false);
        assertEquals(1, page.lines().size());
        assertEquals(List.of(7, 2), tokenSizes(page.lines().get(0)));
        assertEquals(28, page.lines().get(0).advance(), 1);
    }

    @Test
    void digitsInACombFieldAreOneTokenHoweverFarApart() {
        PageLayout page = layout(TestPages.draw(900, 300, g -> {
            // a comb of five 100-px cells with one "digit" in each
            g.drawRect(100, 100, 500, 100);
            for (int x = 200; x < 600; x += 100) {
                g.drawLine(x, 100, x, 200);
            }
            for (int cell = 0; cell < 5; cell++) {
                g.fillRect(135 + cell * 100, 125, 25, 50);
            }
            // and two apart on plain paper: two tokens
            g.fillRect(700, 125, 25, 50);
            g.fillRect(780, 125, 25, 50);
        }), true);
        List<Integer> sizes = page.lines().stream().flatMap(l -> l.tokens().stream()).map(t -> t.glyphs().size()).toList();
        assertEquals(List.of(5, 1, 1), sizes);
    }

    @Test
    void smallDigitsInLargeCombCellsAreOneTokenThoughFartherApartThanALineReaches() {
        PageLayout page = layout(TestPages.draw(900, 300, g -> {
            // 16-px "digits" 100 px apart: far beyond the 2.5 heights that end a line on open paper
            g.drawRect(100, 100, 500, 100);
            for (int x = 200; x < 600; x += 100) {
                g.drawLine(x, 100, x, 200);
            }
            for (int cell = 0; cell < 5; cell++) {
                g.fillRect(145 + cell * 100, 142, 10, 16);
            }
        }), true);
        List<Integer> sizes = page.lines().stream().flatMap(l -> l.tokens().stream()).map(t -> t.glyphs().size()).toList();
        assertEquals(List.of(5), sizes);
    }

    @Test
    void piecesOfInkInOneCombCellBecomeOneGlyphAndAFarSpeckStaysApart() {
        FormFields.Field comb = new FormFields.Field(new Box(0, 0, 300, 100),
                List.of(new Box(0, 0, 100, 100), new Box(100, 0, 100, 100), new Box(200, 0, 100, 100)), false);
        List<Glyph> glyphs = List.of(
                new Glyph(new Box(30, 20, 30, 35), new int[] {1}, 300), // a 4 whose crossbar a rule took
                new Glyph(new Box(35, 60, 20, 25), new int[] {2}, 150),
                new Glyph(new Box(130, 20, 30, 60), new int[] {3}, 400),
                new Glyph(new Box(230, 20, 30, 60), new int[] {4}, 400),
                new Glyph(new Box(290, 92, 3, 3), new int[] {5}, 9)); // dust 30 px off in a 100-px cell
        List<Glyph> joined = LayoutAnalyzer.joinCombCells(glyphs, List.of(comb));
        assertEquals(4, joined.size());
        assertEquals(new Box(30, 20, 30, 65), joined.get(0).box());
        assertEquals(2, joined.get(0).components().length);
        assertEquals(450, joined.get(0).ink());
        assertEquals(new Box(290, 92, 3, 3), joined.get(3).box());

        // On open paper the same pieces stay as they are.
        assertEquals(glyphs, LayoutAnalyzer.joinCombCells(glyphs, List.of()));
    }

    @Test
    void aFullSizeGlyphJoinsItsNeighboursRatherThanTheLineOfAStrayMarkBelowThem() {
        PageLayout page = layout(TestPages.draw(600, 300, g -> {
            g.fillRect(100, 100, 30, 50);
            g.fillRect(115, 156, 40, 4); // a stroke's remnant below the first glyph: a line of its own
            g.fillRect(170, 105, 30, 55); // overlaps the remnant fully, the first glyph's band only mostly
        }), false);
        TextLine line = page.lines().stream().filter(l -> l.box().height() > 20).findFirst().orElseThrow();
        assertEquals(2, line.tokens().stream().mapToInt(t -> t.glyphs().size()).sum(), "both full-size glyphs: " + page.lines());
    }

    @Test
    void aRuledTablesCellsHoldPrintALoneBoxOrACombIsFilledInByHand() {
        List<Box> table = new java.util.ArrayList<>();
        for (int row = 0; row < 2; row++) {
            for (int col = 0; col < 3; col++) {
                table.add(new Box(100 + col * 300, 100 + row * 60, 300, 60)); // sides shared with neighbours
            }
        }
        Box lone = new Box(100, 500, 500, 90);
        Box apart = new Box(640, 500, 300, 90); // 40 px to its right: a second box on the form, not a table
        List<Box> comb = List.of(new Box(100, 800, 80, 80), new Box(180, 800, 80, 80), new Box(260, 800, 80, 80));
        List<Box> cells = new java.util.ArrayList<>(table);
        cells.add(lone);
        cells.add(apart);
        cells.addAll(comb);
        List<FormFields.Field> fields = FormFields.find(cells);
        assertEquals(9, fields.size());
        for (FormFields.Field f : fields) {
            boolean inTable = table.contains(f.box());
            assertEquals(inTable, f.tableCell(), f.box() + " in a table: " + inTable);
        }
        // A cell stacked under another of the same width is a table's row too.
        assertTrue(FormFields.sharesASide(new Box(0, 62, 200, 60), List.of(new Box(0, 0, 200, 60), new Box(0, 62, 200, 60))));
    }
}

