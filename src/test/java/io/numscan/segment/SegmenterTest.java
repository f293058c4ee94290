package io.numscan.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.TestPages;
import io.numscan.geom.Box;
import io.numscan.preprocess.PreprocessOptions;
import io.numscan.preprocess.Preprocessor;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {
    private static List<Glyph> glyphs(java.awt.image.BufferedImage image) {
        return TestPages.segmented(image).glyphs();
    }

    @Test
    void joinsTheDotOfAnIButKeepsACommaApart() {
        List<Glyph> found = glyphs(TestPages.draw(300, 120, g -> {
            g.fillRect(20, 30, 8, 8);    // dot of an i
            g.fillRect(20, 45, 8, 40);   // its stem
            g.fillRect(60, 45, 20, 40);  // a digit-sized block
            g.fillRect(82, 80, 5, 14);   // a comma hanging at its baseline
        }));
        assertEquals(3, found.size(), found.toString());
        Glyph i = found.get(0);
        assertEquals(new Box(20, 30, 8, 55), i.box());
        assertEquals(2, i.components().length);
        assertTrue(found.stream().anyMatch(gl -> gl.box().equals(new Box(82, 80, 5, 14))), "comma stays its own glyph");
    }

    @Test
    void aSpeckOfNoiseAboveADigitStaysApartTheDotOfAThinIDoesNot() {
        List<Glyph> found = glyphs(TestPages.draw(300, 120, g -> {
            g.setStroke(new java.awt.BasicStroke(5));
            g.drawRect(60, 45, 20, 40);  // a 0 of a dark band's white print
            g.fillRect(70, 32, 2, 2);    // a speck of the band's noise 9 px above it
            g.fillRect(150, 50, 3, 3);   // the dot of a thin face's i
            g.fillRect(150, 57, 3, 30);  // its stem
        }));
        List<Box> boxes = found.stream().map(Glyph::box).toList();
        assertTrue(boxes.contains(new Box(58, 43, 25, 45)), "the 0 keeps its own height: " + boxes);
        assertTrue(boxes.contains(new Box(150, 50, 3, 37)), "the i keeps its dot: " + boxes);
    }

    @Test
    void aRegionIsLabelledOnItsOwnInPageCoordinatesWithoutInkItsEdgeCuts() {
        var prepared = new Preprocessor(new PreprocessOptions(false, 0, false)).prepare(TestPages.page(TestPages.draw(400, 200, g -> {
            g.fillRect(100, 60, 16, 40);  // a digit inside the region
            g.fillRect(130, 92, 5, 5);    // its decimal point
            g.fillRect(150, 30, 20, 20);  // ink of the line above, cut by the region's top edge
            g.fillRect(190, 60, 16, 40);  // a digit past the region's right edge
        })));
        Segmenter.SegmentedRegion region = new Segmenter().segmentRegion(prepared.ink(), new Box(90, 45, 95, 70));
        List<Glyph> found = region.glyphs();
        assertEquals(List.of(new Box(100, 60, 16, 40), new Box(130, 92, 5, 5)), found.stream().map(Glyph::box).toList());
        LabelImage labels = region.labels();
        assertTrue(found.get(0).owns(labels.get(108, 80)), "labels are read in page coordinates");
        assertTrue(found.get(1).owns(labels.get(132, 94)));
        assertEquals(0, labels.get(160, 40), "ink the edge cuts is left out");
        assertEquals(0, labels.get(195, 80), "outside the region is paper");
        assertEquals(0, labels.get(-5, 3000), "so is outside the page");
    }

    @Test
    void keepsGlyphsOfDifferentLinesApart() {
        List<Glyph> found = glyphs(TestPages.draw(200, 200, g -> {
            g.fillRect(20, 20, 15, 30);
            g.fillRect(20, 70, 15, 30);
        }));
        assertEquals(2, found.size());
        assertFalse(Segmenter.belongTogether(found.get(0).box(), found.get(1).box()));
    }

    @Test
    void theHalvesOfAFiveTornAtItsStemJoin() {
        // Boxes as read from a light serif's 5s on a 200-DPI fax, enlarged to 300 DPI.
        // Bar and stem over the bowl, 1.75 times the bowl's height together:
        assertTrue(Segmenter.belongTogether(new Box(1825, 1223, 13, 14), new Box(1825, 1234, 15, 15)));
        // The bar alone, 6 pixels over a bowl of 14, 1.86 times its height together:
        Box bowl = new Box(315, 856, 8, 14);
        assertTrue(Segmenter.belongTogether(new Box(308, 844, 12, 6), bowl));
        // A bar further up is something of its own (a dash of the line above).
        assertFalse(Segmenter.belongTogether(new Box(308, 840, 12, 6), bowl));
        // So is a piece as tall as the bar but no bar, at the same place.
        assertFalse(Segmenter.belongTogether(new Box(312, 844, 6, 6), bowl));
    }

    @Test
    void theFootOfATwoTornFromItsDiagonalJoinsIt() {
        // Boxes as read from a light serif's 2 on a 200-DPI fax, enlarged to 300 DPI: the thin
        // diagonal broke a pixel above the foot.
        Box diagonal = new Box(2115, 2887, 8, 18);
        assertTrue(Segmenter.belongTogether(diagonal, new Box(2108, 2905, 16, 7)));
        // An underline is no foot: it reaches well past the glyph.
        assertFalse(Segmenter.belongTogether(diagonal, new Box(2100, 2906, 30, 3)));
        // Nor is a comma under its right side.
        assertFalse(Segmenter.belongTogether(diagonal, new Box(2119, 2906, 6, 8)));
    }

    @Test
    void dropsSingleSpecksButKeepsADecimalPoint() {
        List<Glyph> found = glyphs(TestPages.draw(200, 100, g -> {
            g.fillRect(10, 10, 1, 1);
            g.fillRect(50, 50, 4, 4);
        }));
        assertEquals(1, found.size());
        assertEquals(new Box(50, 50, 4, 4), found.get(0).box());
    }

    @Test
    void theCutOffTerminalOfASmallSerifThreeJoinsItAPeriodBesideItDoesNot() {
        // Boxes as read from a 9-point serif "3" on a rotated scan: its lower-left ball came apart
        // and hangs two pixels below the rest.
        Box three = new Box(2066, 194, 13, 25);
        assertTrue(Segmenter.belongTogether(three, new Box(2064, 217, 9, 4)));
        assertTrue(Segmenter.belongTogether(three, new Box(2067, 217, 8, 4)));
        // A 7-point serif 5 at 300 DPI whose bowl ends above its cut-off ball: 4 pixels lower.
        Box five = new Box(1756, 932, 10, 16);
        assertTrue(Segmenter.belongTogether(five, new Box(1755, 949, 4, 3)));
        // A comma before the 5 is no part of it.
        assertFalse(Segmenter.belongTogether(five, new Box(1748, 948, 4, 4)));
        // A period after the digit, even one touching its box, stays a period.
        assertFalse(Segmenter.belongTogether(three, new Box(2076, 215, 5, 5)));
        assertFalse(Segmenter.belongTogether(three, new Box(2080, 215, 5, 5)));
    }
}
