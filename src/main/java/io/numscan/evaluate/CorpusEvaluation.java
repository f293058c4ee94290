package io.numscan.evaluate;

import io.numscan.pipeline.DocumentResult;
import io.numscan.synth.Expected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs a reader over a labelled corpus (documents with {@code <file>.expected.json} beside them)
 * and scores it per category. A document the reader fails on counts every expected number as
 * missed, and the failure is kept, so one bad file never hides the others' scores.
 */
public final class CorpusEvaluation {

    /** Reads one document; NumScan's pipeline or another tool's saved output. */
    @FunctionalInterface
    public interface Reader {
        DocumentResult read(Path document) throws Exception;
    }

    /** One document's outcome. */
    public record DocumentScore(String file, String category, int pages, NumberScore numbers, long editDistance,
            long expectedCharacters, double seconds, List<String> missed, List<String> spurious, String error) {
    }

    /** The scores, per category in the corpus's order of first appearance, and per document. */
    public record Result(Map<String, CategoryScore> categories, List<DocumentScore> documents) {
        public CategoryScore total() {
            return categories.values().stream().reduce(CategoryScore.ZERO, CategoryScore::plus);
        }
    }

    private CorpusEvaluation() {
    }

    /** The truth files of a corpus folder, sorted by name. */
    public static List<Path> truthFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder");
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".expected.json")).sorted().toList();
            if (files.isEmpty()) {
                throw new IOException(dir + ": no *.expected.json truth files");
            }
            return files;
        }
    }

    public static Result evaluate(Path dir, Reader reader) throws IOException {
        Map<String, CategoryScore> byCategory = new LinkedHashMap<>();
        List<DocumentScore> documents = new ArrayList<>();
        for (Path truthFile : truthFiles(dir)) {
            Expected.Document truth = Expected.read(truthFile);
            String category = truth.category() == null ? "uncategorized" : truth.category();
            Path document = dir.resolve(truth.file());
            long characters = truth.pages().stream().flatMap(p -> p.numbers().stream())
                    .mapToLong(n -> n.value().length()).sum();
            int expectedCount = truth.pages().stream().mapToInt(p -> p.numbers().size()).sum();
            long start = System.nanoTime();
            DocumentScore score;
            try {
                DocumentResult result = reader.read(document);
                double seconds = (System.nanoTime() - start) / 1e9;
                List<String> missed = new ArrayList<>();
                List<String> spurious = new ArrayList<>();
                for (Expected.Page page : truth.pages()) {
                    NumberMatcher.Mismatch m = NumberMatcher.mismatches(DocumentEvaluator.found(result, page), page.numbers());
                    m.missed().forEach(s -> missed.add("p" + page.page() + " " + s));
                    m.spurious().forEach(s -> spurious.add("p" + page.page() + " " + s));
                }
                score = new DocumentScore(truth.file(), category, truth.pages().size(),
                        DocumentEvaluator.score(result, truth), DocumentEvaluator.editDistance(result, truth),
                        characters, seconds, missed, spurious, null);
            } catch (Exception e) {
                double seconds = (System.nanoTime() - start) / 1e9;
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                score = new DocumentScore(truth.file(), category, truth.pages().size(),
                        new NumberScore(0, 0, expectedCount), characters, characters, seconds, List.of(), List.of(), reason);
            }
            documents.add(score);
            byCategory.merge(category, new CategoryScore(1, score.pages(), score.numbers(), score.editDistance(),
                    score.expectedCharacters(), score.seconds()), CategoryScore::plus);
        }
        return new Result(byCategory, documents);
    }

    /** Categories in a fixed order: the given ones first (when present), then the rest by name. */
    public static Map<String, CategoryScore> ordered(Map<String, CategoryScore> scores, List<String> order) {
        Map<String, CategoryScore> out = new LinkedHashMap<>();
        for (String c : order) {
            if (scores.containsKey(c)) {
                out.put(c, scores.get(c));
            }
        }
        new TreeMap<>(scores).forEach(out::putIfAbsent);
        return out;
    }
}
