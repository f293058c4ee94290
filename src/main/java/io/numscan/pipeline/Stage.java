package io.numscan.pipeline;

/** The steps a page goes through, in order; {@link StageTimer} reports time spent in each. */
public enum Stage {
    /** Reading the numbers of a page from its PDF text layer (then no other stage runs). */
    TEXT,
    /** PDF rendering or image decoding. */
    RENDER,
    /** Lighting, threshold, deskew, ruled-line removal. */
    PREPROCESS,
    /** Connected components and glyph merging. */
    SEGMENT,
    /** Lines, tokens and form fields. */
    LAYOUT,
    /** Normalizing each glyph to a 28x28 crop (the first half of classification). */
    CROPS,
    /** The classifier's inference over the crops (the second half). */
    CLASSIFY,
    /** Touching-digit splits and number assembly. */
    ASSEMBLE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
