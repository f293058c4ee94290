package io.numscan.extract;

import io.numscan.assemble.RecognizedNumber;
import io.numscan.geom.Box;
import io.numscan.ingest.TextWord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finds one field's value among a page's numbers, by its label, its zone or both (see {@link FieldSpec}). */
final class FieldLocator {
    private FieldLocator() {
    }

    private record Candidate(RecognizedNumber number, TypedValue value) {
        Box box() {
            return number.box();
        }
    }

    static ExtractedField locate(FieldSpec spec, DateOrder order, List<PageContent> pages, Map<String, ExtractedField> done) {
        int pageNumber = spec.page();
        if (pageNumber > pages.size()) {
            return ExtractedField.notFound(spec.name(), pageNumber);
        }
        PageContent page = pages.get(pageNumber - 1);
        int w = page.result().width();
        int h = page.result().height();
        if (spec.join()) {
            return joined(spec, order, page, pageNumber);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (RecognizedNumber n : page.result().numbers()) {
            if (spec.zone().isPresent() && !spec.zone().get().holds(n.box(), w, h)) {
                continue;
            }
            if (spec.pattern().isPresent() && !spec.pattern().get().matcher(n.value()).matches()) {
                continue;
            }
            if (!withinReferences(spec, n.box(), pageNumber, done)) {
                continue;
            }
            spec.type().read(n.value(), order).ifPresent(v -> candidates.add(new Candidate(n, v)));
        }
        Optional<Box> anchor = spec.label().flatMap(label -> anchor(label, page));
        List<Candidate> chosen;
        if (anchor.isPresent()) {
            LabelAnchor label = spec.label().get();
            chosen = byDistance(candidates, anchor.get(), label.direction(),
                    label.maxDistance() * (horizontal(label.direction()) ? w : h));
            if (!spec.multiple() && !chosen.isEmpty()) {
                chosen = List.of(chosen.get(0));
            }
        } else if (spec.zone().isPresent()) {
            chosen = readingOrder(candidates);
            if (!spec.multiple()) {
                int i = spec.index() >= 0 ? spec.index() : chosen.size() + spec.index();
                chosen = i >= 0 && i < chosen.size() ? List.of(chosen.get(i)) : List.of();
            }
        } else {
            chosen = List.of();
        }
        if (chosen.isEmpty()) {
            return ExtractedField.notFound(spec.name(), pageNumber);
        }
        double confidence = chosen.stream().mapToDouble(c -> c.number().confidence()).min().orElse(0);
        return new ExtractedField(spec.name(), chosen.stream().map(Candidate::value).toList(), confidence, pageNumber,
                chosen.stream().map(Candidate::box).toList());
    }

    /**
     * A comb field the reader split into several numbers: the digits of every number in the zone,
     * in reading order, as one value (separators dropped, as a comb holds digits only).
     */
    private static ExtractedField joined(FieldSpec spec, DateOrder order, PageContent page, int pageNumber) {
        int w = page.result().width();
        int h = page.result().height();
        Zone zone = spec.zone().orElseThrow();
        List<Candidate> parts = new ArrayList<>();
        for (RecognizedNumber n : page.result().numbers()) {
            if (zone.holds(n.box(), w, h)) {
                parts.add(new Candidate(n, new TypedValue(n.value(), Optional.empty())));
            }
        }
        if (parts.isEmpty()) {
            return ExtractedField.notFound(spec.name(), pageNumber);
        }
        StringBuilder digits = new StringBuilder();
        List<Box> boxes = new ArrayList<>();
        double confidence = 1;
        for (Candidate c : readingOrder(parts)) {
            c.number().value().chars().filter(Character::isDigit).forEach(d -> digits.append((char) d));
            boxes.add(c.box());
            confidence = Math.min(confidence, c.number().confidence());
        }
        String value = digits.toString();
        if (spec.pattern().isPresent() && !spec.pattern().get().matcher(value).matches()) {
            return ExtractedField.notFound(spec.name(), pageNumber);
        }
        Optional<TypedValue> typed = spec.type().read(value, order);
        if (typed.isEmpty()) {
            return ExtractedField.notFound(spec.name(), pageNumber);
        }
        return new ExtractedField(spec.name(), List.of(typed.get()), confidence, pageNumber, List.of(Box.enclosing(boxes)));
    }

    private static boolean withinReferences(FieldSpec spec, Box box, int page, Map<String, ExtractedField> done) {
        if (spec.above().isPresent()) {
            Optional<Box> ref = referenceBox(spec.above().get(), page, done);
            if (ref.isPresent() && box.centerY() >= ref.get().y()) {
                return false;
            }
        }
        if (spec.below().isPresent()) {
            Optional<Box> ref = referenceBox(spec.below().get(), page, done);
            if (ref.isPresent() && box.centerY() <= ref.get().bottom()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Box> referenceBox(String field, int page, Map<String, ExtractedField> done) {
        ExtractedField f = done.get(field);
        return f != null && f.found() && f.page() == page ? f.box() : Optional.empty();
    }

    /**
     * The label's box: its words in the text layer (inside its zone when it has one), or, on a
     * page without a text layer, the zone the template puts it in.
     */
    static Optional<Box> anchor(LabelAnchor label, PageContent page) {
        int w = page.result().width();
        int h = page.result().height();
        if (label.text().isPresent() && page.words().isPresent()) {
            List<String> wanted = words(label.text().get());
            List<TextWord> words = page.words().get();
            for (int i = 0; i + wanted.size() <= words.size(); i++) {
                boolean same = true;
                for (int k = 0; k < wanted.size() && same; k++) {
                    same = normalize(words.get(i + k).text()).equals(wanted.get(k));
                }
                if (!same) {
                    continue;
                }
                Box box = words.get(i).box();
                for (int k = 1; k < wanted.size(); k++) {
                    box = box.union(words.get(i + k).box());
                }
                if (label.zone().isEmpty() || label.zone().get().holds(box, w, h)) {
                    return Optional.of(box);
                }
            }
            return Optional.empty();
        }
        return label.zone().map(z -> z.toPixels(w, h));
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.strip().split("\\s+")) {
            String n = normalize(s);
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return out;
    }

    /** Lower case without the punctuation around a word ("No:" and "no" are the same label word). */
    static String normalize(String word) {
        String s = word.toLowerCase(Locale.ROOT);
        int start = 0;
        int end = s.length();
        while (start < end && !Character.isLetterOrDigit(s.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean horizontal(Direction d) {
        return d == Direction.LEFT || d == Direction.RIGHT;
    }

    /** The candidates lying in {@code direction} from the anchor, nearest first. */
    private static List<Candidate> byDistance(List<Candidate> candidates, Box a, Direction direction, double maxDistance) {
        double slack = a.height() / 2.0;
        List<Candidate> out = new ArrayList<>();
        List<Double> distances = new ArrayList<>();
        for (Candidate c : candidates) {
            Box b = c.box();
            boolean sameLine = b.verticalOverlap(a) >= 0.5 * Math.min(a.height(), b.height());
            boolean sameColumn = b.horizontalOverlap(new Box(Math.max(0, a.x() - a.height()), a.y(),
                    a.width() + 2 * a.height(), a.height())) > 0;
            double distance;
            boolean fits = switch (direction) {
                case RIGHT -> sameLine && b.x() >= a.right() - slack;
                case LEFT -> sameLine && b.right() <= a.x() + slack;
                case BELOW -> sameColumn && b.y() >= a.bottom() - slack;
                case ABOVE -> sameColumn && b.bottom() <= a.y() + slack;
            };
            distance = switch (direction) {
                case RIGHT -> b.x() - a.right();
                case LEFT -> a.x() - b.right();
                case BELOW -> b.y() - a.bottom();
                case ABOVE -> a.y() - b.bottom();
            };
            if (fits && distance <= maxDistance) {
                int at = 0;
                while (at < distances.size() && distances.get(at) <= distance) {
                    at++;
                }
                out.add(at, c);
                distances.add(at, distance);
            }
        }
        return out;
    }

    /** Top to bottom by line, left to right within a line. */
    private static List<Candidate> readingOrder(List<Candidate> candidates) {
        List<Candidate> byY = new ArrayList<>(candidates);
        byY.sort(Comparator.comparingDouble(c -> c.box().centerY()));
        List<Candidate> out = new ArrayList<>();
        List<Candidate> line = new ArrayList<>();
        double lineY = 0;
        double lineHeight = 0;
        for (Candidate c : byY) {
            if (!line.isEmpty() && c.box().centerY() - lineY > 0.5 * Math.max(lineHeight, c.box().height())) {
                line.sort(Comparator.comparingInt(x -> x.box().x()));
                out.addAll(line);
                line.clear();
            }
            if (line.isEmpty()) {
                lineY = c.box().centerY();
                lineHeight = c.box().height();
            }
            line.add(c);
        }
        line.sort(Comparator.comparingInt(x -> x.box().x()));
        out.addAll(line);
        return out;
    }
}
