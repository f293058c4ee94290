package io.numscan.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.numscan.ingest.Document;
import io.numscan.ingest.DocumentReader;
import io.numscan.ingest.UnreadableDocumentException;
import io.numscan.output.CsvOutput;
import io.numscan.output.JsonOutput;
import io.numscan.pipeline.DocumentResult;
import io.numscan.pipeline.PageResult;
import io.numscan.pipeline.PendingPage;
import io.numscan.pipeline.ScanService;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Reads one document on a worker thread: pages are rendered and segmented here, their crops
 * classified by the shared {@link PageBatcher}, and the pages assembled here again; results are written (per-document JSON, then the
 * state entry) before the document counts as done.
 */
final class DocumentProcessor {
    /** Pages of one document waiting for the classifier at once: one being classified, one queued behind it. */
    private static final int PAGES_IN_FLIGHT = 2;
    private final ScanService service;
    private final DocumentReader reader;
    private final PageBatcher batcher;
    private final PixelBudget budget;
    private final ResultStore store;
    private final Path input;
    private final Path jsonDir;
    private final Progress progress;

    DocumentProcessor(ScanService service, PageBatcher batcher, PixelBudget budget, ResultStore store, Path input, Path output,
            Progress progress) {
        this.service = service;
        this.reader = new DocumentReader(service.options().limits());
        this.batcher = batcher;
        this.budget = budget;
        this.store = store;
        this.input = input;
        this.jsonDir = output.resolve("json");
        this.progress = progress;
    }

    DocumentOutcome process(Path file) throws InterruptedException {
        try {
            return read(file);
        } catch (UnreadableDocumentException e) {
            return DocumentOutcome.failed(file, e.getMessage());
        } catch (IOException e) {
            return DocumentOutcome.failed(file, "cannot read or write: " + e.getMessage());
        } catch (RuntimeException e) {
            // One document's surprise must not cost the others their results.
            return DocumentOutcome.failed(file, "internal error: " + e);
        } catch (OutOfMemoryError e) {
            // The page that failed to fit was the large allocation; its memory is free again.
            return DocumentOutcome.failed(file, "not enough memory to read it (the Java heap is "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB): run with fewer --jobs, or give it a larger heap "
                    + "with NUMSCAN_JAVA_OPTS=-Xmx...");
        }
    }

    private DocumentOutcome read(Path file) throws UnreadableDocumentException, IOException, InterruptedException {
        String sha;
        try {
            sha = ResultStore.sha256(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UnreadableDocumentException(file.toString(), UnreadableDocumentException.Reason.MISSING, "no such file");
        }
        Path json = jsonDir.resolve(input.relativize(file).toString() + ".json");
        Optional<ResultStore.Stored> known = store.load(sha);
        if (known.isPresent()) {
            ResultStore.Stored s = known.get();
            if (!Files.isRegularFile(json)) {
                writeJson(json, s.document(), file);
            }
            progress.pagesDone(s.pages());
            return DocumentOutcome.done(file, s.pages(), s.numbers(), s.rows(), json, true);
        }
        DocumentResult result;
        try (Document document = reader.open(file)) {
            result = new DocumentResult(document.name(), document.type().name().toLowerCase(Locale.ROOT),
                    ScanService.inOneConvention(readPages(document)));
        }
        List<String> rows = rowsWithoutFile(result);
        ObjectNode tree = JsonOutput.document(result);
        writeJson(json, tree, file);
        store.save(sha, new ResultStore.Stored(result.pages().size(), result.numberCount(), rows, tree));
        return DocumentOutcome.done(file, result.pages().size(), result.numberCount(), rows, json, false);
    }

    /** A page handed to the classifier, holding its share of the pixel budget until it is assembled. */
    private record InFlight(int index, PendingPage page, CompletableFuture<float[]> probabilities, PixelBudget.Lease lease) {
    }

    /**
     * The document's pages in order. Each page read from pixels is prepared here, classified in
     * the shared batch, and assembled here again; up to {@link #PAGES_IN_FLIGHT} of them wait for
     * the classifier at a time, so this worker renders the next page meanwhile.
     */
    private List<PageResult> readPages(Document document) throws UnreadableDocumentException, InterruptedException {
        int count = document.pageCount();
        PageResult[] results = new PageResult[count];
        ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
        try {
            for (int p = 1; p <= count; p++) {
                Optional<PageResult> text = service.textPage(document, p);
                if (text.isPresent()) {
                    // A page read from its text layer has nothing to classify.
                    results[p - 1] = text.get();
                    progress.pagesDone(1);
                    continue;
                }
                while (inFlight.size() >= PAGES_IN_FLIGHT) {
                    assemble(inFlight.poll(), results);
                }
                long pixels = ScanService.workingPixels(document.pageSize(p));
                PixelBudget.Lease lease = budget.tryAcquire(pixels);
                if (lease == null) {
                    // Waiting for memory while holding some is how two workers would wait for each other forever.
                    while (!inFlight.isEmpty()) {
                        assemble(inFlight.poll(), results);
                    }
                    lease = budget.acquire(pixels);
                }
                try {
                    PendingPage page = service.preparePage(document.renderPage(p));
                    inFlight.add(new InFlight(p - 1, page, batcher.submit(page), lease));
                } catch (UnreadableDocumentException | InterruptedException | RuntimeException | Error e) {
                    lease.release();
                    throw e;
                }
            }
            while (!inFlight.isEmpty()) {
                assemble(inFlight.poll(), results);
            }
        } finally {
            for (InFlight page : inFlight) {
                page.lease().release();
            }
        }
        return List.of(results);
    }

    private void assemble(InFlight page, PageResult[] results) throws InterruptedException {
        try {
            results[page.index()] = service.finishPage(page.page(), join(page.probabilities()), 0);
        } finally {
            page.lease().release();
        }
        progress.pagesDone(1);
    }

    private static <T> T join(CompletableFuture<T> page) throws InterruptedException {
        try {
            return page.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static void writeJson(Path json, ObjectNode document, Path file) throws IOException {
        ObjectNode copy = document.deepCopy();
        copy.put("file", file.toString());
        AtomicFiles.write(json, JsonOutput.mapper().writeValueAsBytes(copy));
    }

    /** The document's CSV rows exactly as {@link CsvOutput} writes them, less the file field. */
    static List<String> rowsWithoutFile(DocumentResult result) throws IOException {
        StringWriter w = new StringWriter();
        CsvOutput.writeRows(result, w);
        String prefix = CsvOutput.field(result.file()) + ",";
        List<String> rows = new ArrayList<>();
        for (String line : w.toString().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith(prefix)) {
                throw new IllegalStateException("CSV row does not start with its file: " + line);
            }
            rows.add(line.substring(prefix.length()));
        }
        return rows;
    }
}
