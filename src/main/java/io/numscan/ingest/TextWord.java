package io.numscan.ingest;

import io.numscan.geom.Box;
import java.util.ArrayList;
import java.util.List;

/**
 * A word of a PDF's text layer: a run of characters without white space, as the PDF draws it.
 *
 * @param text the characters, as extracted (Unicode); a glyph the PDF gives no Unicode for is U+FFFD
 * @param box the union of the characters' boxes, in the pixels of the page as {@link Document#renderPage}
 *        renders it (so text-layer and OCR results share one coordinate system)
 * @param characterBoxes one box per {@code char} of {@code text}, same pixels: the ink of the
 *        glyph (the glyph's advance box when it has no outline); the characters of a ligature
 *        share its box in equal slices
 * @param invisible drawn with text rendering mode 3 (neither filled nor stroked), as an OCR layer
 *        laid over a scanned image is: the text is not what the page shows, only what some
 *        earlier program read from it
 */
public record TextWord(String text, Box box, List<Box> characterBoxes, boolean invisible) {
    public TextWord {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty word");
        }
        characterBoxes = List.copyOf(characterBoxes);
        if (characterBoxes.size() != text.length()) {
            throw new IllegalArgumentException("word '" + text + "' has " + text.length() + " characters but "
                    + characterBoxes.size() + " character boxes");
        }
    }

    /** A visible word of which only the whole box is known: its characters get equal slices of it. */
    public TextWord(String text, Box box) {
        this(text, box, slices(box, text == null ? 0 : text.length()), false);
    }

    /** The union of the boxes of characters {@code start} (inclusive) to {@code end} (exclusive). */
    public Box boxOf(int start, int end) {
        return Box.enclosing(characterBoxes.subList(start, end));
    }

    /** {@code box} cut into {@code n} equal slices, left to right. */
    public static List<Box> slices(Box box, int n) {
        List<Box> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int x0 = box.x() + (int) Math.round((double) box.width() * i / n);
            int x1 = box.x() + (int) Math.round((double) box.width() * (i + 1) / n);
            out.add(new Box(x0, box.y(), x1 - x0, box.height()));
        }
        return out;
    }
}
