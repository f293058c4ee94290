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

    /** One glyph of several (the pieces of a broken character): their boxes, components and ink together. */
    public static Glyph union(java.util.List<Glyph> pieces) {
        Box box = pieces.get(0).box();
        int ink = 0;
        for (Glyph g : pieces) {
            box = box.union(g.box());
            ink += g.ink();
        }
        int[] components = pieces.stream().flatMapToInt(g -> Arrays.stream(g.components)).distinct().toArray();
        return new Glyph(box, components, ink);
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
