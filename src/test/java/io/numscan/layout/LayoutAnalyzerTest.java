package io.numscan.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.numscan.TestPages;
import io.numscan.preprocess.PreprocessOptions;
import io.numscan.preprocess.Preprocessor;
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
}
