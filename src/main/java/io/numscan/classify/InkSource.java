package io.numscan.classify;

/** Anything a glyph's ink can be read from: a page's component labels, a rendered training glyph. */
public interface InkSource {
    boolean isInk(int x, int y);
}
