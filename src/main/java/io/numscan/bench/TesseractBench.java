package io.numscan.bench;

import io.numscan.evaluate.DocumentEvaluator;
import io.numscan.evaluate.NumberScore;
import io.numscan.evaluate.TesseractTsv;
import io.numscan.ingest.Document;
import io.numscan.ingest.DocumentReader;
import io.numscan.ingest.IngestLimits;
import io.numscan.ingest.UnreadableDocumentException;
import io.numscan.pipeline.DocumentResult;
import io.numscan.synth.Expected;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The same scans through Tesseract 5 as it is fairly run on several cores: one single-threaded
 * process per core ({@code OMP_THREAD_LIMIT=1}), each reading whole pages to TSV. Its pages/s
 * counts every process from start to exit (Tesseract loads its model per process; that is how
 * it is used on a folder). Its numbers are scored with the same matcher as NumScan's.
 */
public final class TesseractBench {
    /**
     * @param numscan NumScan's score on the same pages (null when the stage part did not run)
     * @param numscanPagesPerSecond NumScan's best end-to-end pages/s on the scans (0 when the batch part did not run)
     */
    public record Comparison(String version, String tesseractSetup, int tesseractPages, double tesseractSeconds,
            NumberScore tesseract, NumberScore numscan, int scoredPages, double numscanPagesPerSecond) {
        public double tesseractPagesPerSecond() {
            return tesseractPages / tesseractSeconds;
        }

        /** NumScan's pages/s over Tesseract's; 0 when NumScan's was not measured. */
        public double ratio() {
            return numscanPagesPerSecond / tesseractPagesPerSecond();
        }
    }

    private final PrintStream log;
    private final String executable;

    public TesseractBench(PrintStream log) {
        this(log, "tesseract");
    }

    TesseractBench(PrintStream log, String executable) {
        this.log = log;
        this.executable = executable;
    }

    public Comparison run(List<BenchPages.Entry> scans, int pages, Optional<StageBench.Result> numscanStages,
            Optional<BatchBench.Result> numscanBatch) throws IOException, InterruptedException, UnreadableDocumentException {
        String version = version();
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> runs = new ArrayList<>(); // index into scans of each process to run
        DocumentReader reader = new DocumentReader(IngestLimits.DEFAULT);
        int[] pageCounts = new int[scans.size()];
        for (int i = 0; i < scans.size(); i++) {
            try (Document d = reader.open(scans.get(i).file())) {
                pageCounts[i] = d.pageCount();
            }
        }
        int staged = 0;
        // Every scan at least once, so each one's output can be scored.
        for (int i = 0; staged < pages || i < scans.size(); i++) {
            runs.add(i % scans.size());
            staged += pageCounts[i % scans.size()];
        }
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        Path work = Files.createTempDirectory("numscan-bench-tesseract");
        double seconds;
        NumberScore score = NumberScore.ZERO;
        int scoredPages = 0;
        try {
            long start = System.nanoTime();
            try {
                List<Future<Path>> results = new ArrayList<>();
                for (int k = 0; k < runs.size(); k++) {
                    BenchPages.Entry scan = scans.get(runs.get(k));
                    Path out = work.resolve(k + ".tsv");
                    results.add(pool.submit(() -> read(scan, out)));
                }
                for (Future<Path> f : results) {
                    get(f);
                }
            } finally {
                pool.shutdownNow();
            }
            seconds = (System.nanoTime() - start) / 1e9;
            // Run k < scans.size() read scan k: score each scan's first reading.
            for (int i = 0; i < scans.size(); i++) {
                Optional<Expected.Document> expected = scans.get(i).expected();
                if (expected.isPresent()) {
                    DocumentResult found = TesseractTsv.read(work.resolve(i + ".tsv"), scans.get(i).file().toString());
                    score = score.plus(DocumentEvaluator.score(found, expected.get()));
                    scoredPages += pageCounts[i];
                }
            }
        } finally {
            BatchBench.deleteTree(work);
        }
        NumberScore numscan = numscanStages.map(StageBench.Result::score).orElse(null);
        return new Comparison(version, "tesseract " + version + ", " + cores + " processes at a time, OMP_THREAD_LIMIT=1, --psm 3, TSV",
                staged, seconds, score, numscan, scoredPages, numscanBatch.map(BatchBench.Result::pagesPerSecond).orElse(0.0));
    }

    private String version() throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new BenchException("Tesseract is not installed (" + executable + " not found): install Debian's "
                    + "tesseract-ocr (src/bench/run.sh does), or leave it out with --skip tesseract");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new BenchException(executable + " --version failed: " + out.strip());
        }
        String first = out.lines().findFirst().orElse("").trim();
        return first.startsWith("tesseract ") ? first.substring("tesseract ".length()) : first;
    }

    /** One document through one single-threaded Tesseract process (default page segmentation); its TSV file. */
    private Path read(BenchPages.Entry scan, Path tsv) throws IOException, InterruptedException {
        String base = tsv.toString().substring(0, tsv.toString().length() - ".tsv".length());
        ProcessBuilder pb = new ProcessBuilder(executable, scan.file().toString(), base, "-l", "eng", "--psm", "3", "tsv");
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        int exit = p.waitFor();
        if (exit != 0 || !Files.isRegularFile(tsv)) {
            throw new BenchException(executable + " failed on " + scan.file() + " (exit " + exit + ")");
        }
        return tsv;
    }

    private static Path get(Future<Path> f) throws IOException, InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new BenchException(String.valueOf(c), c);
        }
    }
}
