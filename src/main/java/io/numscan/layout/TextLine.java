package io.numscan.layout;

import io.numscan.geom.Box;
import java.util.List;

/** Tokens that share a baseline, left to right. */
public record TextLine(Box box, double height, List<Token> tokens) {
    public TextLine {
        tokens = List.copyOf(tokens);
    }
}
