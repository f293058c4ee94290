package io.numscan.bench;

import io.numscan.ingest.DocumentType;
import io.numscan.synth.Expected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The documents a benchmark reads: every supported file directly in one folder, each with its
 * {@code <name>.expected.json} when there is one (needed for F1). Raster files are "scans";
 * PDFs are "pdf" (vector pages rendered at the configured DPI).
 */
public record BenchPages(Path folder, List<Entry> entries) {
    public enum Kind {
        SCAN, PDF;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Entry(Path file, Kind kind, Optional<Expected.Document> expected) {
    }

    public BenchPages {
        entries = List.copyOf(entries);
    }

    public static BenchPages load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": not a folder");
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!Files.isRegularFile(f) || !DocumentType.hasSupportedExtension(name)) {
                    continue;
                }
                Kind kind = name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? Kind.PDF : Kind.SCAN;
                Path truth = f.resolveSibling(name + ".expected.json");
                Optional<Expected.Document> expected = Optional.empty();
                if (Files.isRegularFile(truth)) {
                    try {
                        expected = Optional.of(Expected.read(truth));
                    } catch (IOException e) {
                        throw new IOException(truth + ": cannot read the expected numbers: " + e.getMessage(), e);
                    }
                }
                entries.add(new Entry(f, kind, expected));
            }
        }
        if (entries.isEmpty()) {
            throw new IOException(folder + ": holds no PDF, PNG, JPEG or TIFF file");
        }
        return new BenchPages(folder, entries);
    }

    /** Only the documents whose expected file names {@code category} (as `numscan corpus` writes them). */
    public BenchPages inCategory(String category) {
        List<Entry> kept = entries.stream()
                .filter(e -> e.expected().map(x -> category.equals(x.category())).orElse(false)).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(folder + ": no document of category " + category);
        }
        return new BenchPages(folder, kept);
    }

    public List<Entry> of(Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }
}
