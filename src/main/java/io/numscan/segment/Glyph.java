package io.numscan.segment;

import io.numscan.geom.Box;
import java.util.Arrays;

/**
 * One candidate character: one connected component, or several merged (the dot of an i, the
 * pieces of a broken stroke), or part of one that was split.
 *
 * @param box in deskewed page pixels
 * @param components labels in the page's {@link LabelImage} that make up this glyph
 * @param ink number of ink pixels
 */
public record Glyph(Box box, int[] components, int ink) {
    public Glyph {
        components = components.clone();
    }

    @Override
    public int[] components() {
        return components.clone();
    }

    public boolean owns(int label) {
        for (int c : components) {
            if (c == label) {
                return true;
            }
        }
        return false;
    }

    /** The glyph restricted to a column range of its box (a cut through touching characters). */
    public Glyph cropColumns(int fromX, int toX, int inkInRange) {
        return new Glyph(new Box(fromX, box.y(), toX - fromX, box.height()), components, inkInRange);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Glyph g && g.box.equals(box) && g.ink == ink && Arrays.equals(g.components, components);
    }

    @Override
    public int hashCode() {
        return box.hashCode() * 31 + Arrays.hashCode(components);
    }

    @Override
    public String toString() {
        return "Glyph" + box;
    }
}
