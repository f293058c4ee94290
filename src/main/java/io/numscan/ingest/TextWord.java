package io.numscan.ingest;

import io.numscan.geom.Box;

/**
 * A word of a PDF's text layer: a run of characters without white space, as the PDF draws it.
 *
 * @param text the characters, as extracted (Unicode)
 * @param box the union of the characters' boxes, in the pixels of the page as {@link Document#renderPage}
 *        renders it (so text-layer and OCR results share one coordinate system)
 */
public record TextWord(String text, Box box) {
    public TextWord {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty word");
        }
    }
}
