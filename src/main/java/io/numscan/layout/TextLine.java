package io.numscan.layout;

import io.numscan.geom.Box;
import java.util.List;

/**
 * Tokens that share a baseline, left to right.
 *
 * @param height the line's character height
 * @param advance the usual distance between the centres of its neighbouring characters, or 0 when unknown
 */
public record TextLine(Box box, double height, double advance, List<Token> tokens) {
    public TextLine {
        tokens = List.copyOf(tokens);
    }
}
