package io.numscan.pipeline;

import java.util.Locale;

/** How one page was read. */
public enum PageSource {
    /** From the PDF's text layer. */
    TEXT,
    /** From the page's pixels. */
    OCR;

    /** The name outputs show: {@code text} or {@code ocr}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
