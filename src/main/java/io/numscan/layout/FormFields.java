package io.numscan.layout;

import io.numscan.geom.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Form fields from ruled cells: a run of equal, roughly square cells side by side is one comb
 * field (one digit a box, one number in all); any other cell is a field of its own.
 */
final class FormFields {
    private FormFields() {
    }

    /**
     * A field and the ruled cells it spans, left to right (more than one: a comb).
     *
     * @param tableCell a single cell with another cell beside, over or under it, sharing that side
     */
    record Field(Box box, List<Box> cells, boolean tableCell) {
        Field {
            cells = List.copyOf(cells);
        }

        boolean isComb() {
            return cells.size() > 1;
        }

        /** Index of the cell holding the point, or -1. */
        int cellAt(double x, double y) {
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).contains(x, y)) {
                    return i;
                }
            }
            return -1;
        }
    }

    static List<Field> find(List<Box> cells) {
        List<Box> sorted = new ArrayList<>(cells);
        // Left to right, so a comb is started from its first cell even when a slight residual
        // skew puts a later cell a pixel higher.
        sorted.sort(Comparator.comparingInt(Box::x).thenComparingInt(Box::y));
        boolean[] used = new boolean[sorted.size()];
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (used[i]) {
                continue;
            }
            Box field = sorted.get(i);
            used[i] = true;
            List<Box> combCells = new ArrayList<>(List.of(field));
            if (isSquarish(field)) {
                Box last = field;
                boolean grew = true;
                while (grew) {
                    grew = false;
                    for (int j = 0; j < sorted.size(); j++) {
                        if (!used[j] && continuesComb(last, sorted.get(j))) {
                            used[j] = true;
                            last = sorted.get(j);
                            field = field.union(last);
                            combCells.add(last);
                            grew = true;
                        }
                    }
                }
            }
            fields.add(new Field(field, combCells, combCells.size() == 1 && sharesASide(field, sorted)));
        }
        return fields;
    }

    /** Whether another of {@code cells} adjoins {@code cell} along most of one of its sides, as in a ruled table. */
    static boolean sharesASide(Box cell, List<Box> cells) {
        for (Box other : cells) {
            if (other.equals(cell)) {
                continue;
            }
            int tolerance = Math.max(4, Math.min(Math.min(cell.width(), cell.height()), Math.min(other.width(), other.height())) / 6);
            boolean beside = (Math.abs(other.x() - cell.right()) <= tolerance || Math.abs(cell.x() - other.right()) <= tolerance)
                    && overlap(cell.y(), cell.bottom(), other.y(), other.bottom()) >= 0.5 * Math.min(cell.height(), other.height());
            boolean overOrUnder = (Math.abs(other.y() - cell.bottom()) <= tolerance || Math.abs(cell.y() - other.bottom()) <= tolerance)
                    && overlap(cell.x(), cell.right(), other.x(), other.right()) >= 0.5 * Math.min(cell.width(), other.width());
            if (beside || overOrUnder) {
                return true;
            }
        }
        return false;
    }

    private static int overlap(int from, int to, int otherFrom, int otherTo) {
        return Math.max(0, Math.min(to, otherTo) - Math.max(from, otherFrom));
    }

    private static boolean isSquarish(Box b) {
        return b.width() <= 1.6 * b.height() && b.height() <= 1.6 * b.width();
    }

    private static boolean continuesComb(Box last, Box next) {
        if (!isSquarish(next)) {
            return false;
        }
        int gap = next.x() - last.right();
        int tolerance = Math.max(4, last.height() / 6);
        return gap >= 0 && gap <= tolerance
                && Math.abs(next.y() - last.y()) <= tolerance
                && Math.abs(next.height() - last.height()) <= tolerance
                && Math.abs(next.width() - last.width()) <= 2 * tolerance;
    }
}
