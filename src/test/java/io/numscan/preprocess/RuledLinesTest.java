package io.numscan.preprocess;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

class RuledLinesTest {
    private static final int W = 400;
    private static final int H = 300;
    private static final int DPI = 300; // lines: 75 px across, verticals 30 px tall or 30 px between lines

    private final byte[] ink = new byte[W * H];

    private void fill(int x, int y, int width, int height) {
        for (int yy = y; yy < y + height; yy++) {
            for (int xx = x; xx < x + width; xx++) {
                ink[yy * W + xx] = (byte) 255;
            }
        }
    }

    private static int count(byte[] mask, int x, int y, int width, int height) {
        int n = 0;
        for (int yy = y; yy < y + height; yy++) {
            for (int xx = x; xx < x + width; xx++) {
                n += mask[yy * W + xx] != 0 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void keepsRulesAndCombWallsButNotDigitStrokes() {
        fill(20, 40, 300, 2); // a rule
        fill(20, 70, 60, 3); // a bar shorter than a rule: a 7's top or a minus
        fill(20, 100, 300, 2); // comb: top and bottom lines with walls between, shorter than a rule
        fill(20, 140, 300, 2);
        fill(100, 100, 2, 42);
        fill(180, 103, 2, 36); // a wall that stops a pixel short of each line still meets them
        fill(350, 40, 3, 120); // a vertical rule, long enough on its own
        fill(250, 170, 3, 60); // a free-standing 1
        fill(100, 200, 3, 60); // a 1 that ends just above a line but meets none at its top
        fill(60, 262, 120, 2);

        byte[] lines = RuledLines.find(ink, W, H, DPI);

        assertEquals(600, count(lines, 20, 40, 300, 2), "rule");
        assertEquals(0, count(lines, 20, 70, 60, 3), "short bar");
        assertEquals(84, count(lines, 100, 100, 2, 42), "comb wall");
        assertEquals(72, count(lines, 180, 103, 2, 36), "comb wall with gaps at its ends");
        assertEquals(360, count(lines, 350, 40, 3, 120), "long vertical");
        assertEquals(0, count(lines, 250, 170, 3, 60), "free 1");
        assertEquals(0, count(lines, 100, 200, 3, 60), "1 meeting a line at one end only");
    }

    @Test
    void aRuleThatStepsByAPixelStaysOneLine() {
        fill(20, 50, 100, 1);
        fill(120, 51, 100, 1); // neither half is a rule alone
        byte[] lines = RuledLines.find(ink, W, H, DPI);
        assertEquals(200, count(lines, 20, 50, 200, 2));
    }

    @Test
    void aBarShorterThanTwoRulesIsALineOnlyWhereItMeetsAVerticalRule() {
        fill(20, 30, 100, 3); // the foot of a large handwritten 2: long enough for a rule, but alone
        fill(150, 100, 100, 2); // a small box, 100 x 50
        fill(150, 148, 100, 2);
        fill(150, 100, 2, 50);
        fill(248, 100, 2, 50);

        byte[] lines = RuledLines.find(ink, W, H, DPI);

        assertEquals(0, count(lines, 20, 30, 100, 3), "bar");
        assertEquals(200, count(lines, 150, 100, 100, 2), "box top");
        assertEquals(200, count(lines, 150, 148, 100, 2), "box bottom");
        assertEquals(100, count(lines, 150, 100, 2, 50), "box side");
    }

    @Test
    void runsSurviveExactlyWhereAnOpeningWithTheSegmentKeepsThem() {
        // Compared with OpenCV's opening of a one-row image, edges included (its erosion takes the
        // outside as set), for odd and even segment lengths.
        Random random = new Random(7);
        for (int length : new int[] {5, 6, 25}) {
            for (int trial = 0; trial < 200; trial++) {
                int size = 30 + random.nextInt(40);
                byte[] row = new byte[size];
                for (int x = 0; x < size; x++) {
                    row[x] = random.nextInt(10) < 8 ? (byte) 255 : 0;
                }
                byte[] opened = openRow(row, length);
                int x = 0;
                while (x < size) {
                    if (row[x] == 0) {
                        x++;
                        continue;
                    }
                    int from = x;
                    while (x < size && row[x] != 0) {
                        x++;
                    }
                    int to = x - 1;
                    boolean kept = opened[from] != 0 || opened[to] != 0;
                    if (length % 2 == 0 && from > 0 && to < size - 1) {
                        // An even segment has no middle: OpenCV's result is the run moved by a
                        // pixel, this one keeps it in place. Whether a run is kept is the same.
                        kept = count(opened, from, to + 1) > 0;
                    }
                    assertEquals(kept, RuledLines.survivesOpening(from, to, size, length),
                            "run " + from + ".." + to + " of " + size + ", segment " + length);
                }
            }
        }
    }

    private static int count(byte[] row, int from, int toInclusive) {
        int n = 0;
        for (int x = from; x <= toInclusive && x < row.length; x++) {
            n += row[x] != 0 ? 1 : 0;
        }
        return n;
    }

    private static byte[] openRow(byte[] row, int length) {
        try (PointerScope scope = new PointerScope()) {
            Mat in = new Mat(1, row.length, CV_8UC1);
            in.data().put(row);
            Mat out = new Mat();
            morphologyEx(in, out, MORPH_OPEN, getStructuringElement(MORPH_RECT, new Size(length, 1)));
            byte[] result = new byte[row.length];
            BytePointer data = out.data();
            data.get(result);
            return result;
        }
    }

    @Test
    void refusesABufferThatIsNotThePage() {
        assertThrows(IllegalArgumentException.class, () -> RuledLines.find(new byte[10], 4, 3, DPI));
    }
}
