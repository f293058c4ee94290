package io.numscan.pipeline;

/** Where the numbers of a page are read from. */
public enum NumberSource {
    /** The page's text layer when it has a usable, visible one; its pixels otherwise. */
    AUTO,
    /** Always the pixels (OCR), even when the PDF has text. */
    OCR,
    /** Only the text layer (invisible text included); a page without one is an error. */
    TEXT
}
