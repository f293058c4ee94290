package io.numscan.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.numscan.ingest.Document;
import io.numscan.ingest.DocumentReader;
import io.numscan.ingest.UnreadableDocumentException;
import io.numscan.output.CsvOutput;
import io.numscan.output.JsonOutput;
import io.numscan.pipeline.DocumentResult;
import io.numscan.pipeline.PageResult;
import io.numscan.pipeline.ScanService;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Reads one document on a worker thread: pages are rendered and segmented here, their crops
 * classified by the shared {@link PageBatcher}; results are written (per-document JSON, then the
 * state entry) before the document counts as done.
 */
final class DocumentProcessor {
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
            List<CompletableFuture<PageResult>> pages = new ArrayList<>(document.pageCount());
            for (int p = 1; p <= document.pageCount(); p++) {
                Optional<PageResult> text = service.textPage(document, p);
                // A page read from its text layer has nothing to classify.
                CompletableFuture<PageResult> page = text.isPresent()
                        ? CompletableFuture.completedFuture(text.get())
                        : readPixels(document, p);
                page.thenRun(() -> progress.pagesDone(1));
                pages.add(page);
            }
            List<PageResult> results = new ArrayList<>(pages.size());
            for (CompletableFuture<PageResult> page : pages) {
                results.add(join(page));
            }
            result = new DocumentResult(document.name(), document.type().name().toLowerCase(Locale.ROOT),
                    ScanService.inOneConvention(results));
        }
        List<String> rows = rowsWithoutFile(result);
        ObjectNode tree = JsonOutput.document(result);
        writeJson(json, tree, file);
        store.save(sha, new ResultStore.Stored(result.pages().size(), result.numberCount(), rows, tree));
        return DocumentOutcome.done(file, result.pages().size(), result.numberCount(), rows, json, false);
    }

    /** Renders and prepares a page once the budget has room for it; its share returns when it is read. */
    private CompletableFuture<PageResult> readPixels(Document document, int pageNumber)
            throws UnreadableDocumentException, InterruptedException {
        PixelBudget.Lease lease = budget.acquire(ScanService.workingPixels(document.pageSize(pageNumber)));
        CompletableFuture<PageResult> page;
        try {
            page = batcher.submit(service.preparePage(document.renderPage(pageNumber)));
        } catch (UnreadableDocumentException | InterruptedException | RuntimeException | Error e) {
            lease.release();
            throw e;
        }
        page.whenComplete((result, failure) -> lease.release());
        return page;
    }

    private static PageResult join(CompletableFuture<PageResult> page) throws InterruptedException {
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
