package io.numscan.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.numscan.extract.ExtractService;
import io.numscan.extract.ExtractedDocument;
import io.numscan.extract.FieldExtractor;
import io.numscan.ingest.PageImage;
import io.numscan.ingest.UnreadableDocumentException;
import io.numscan.ingest.UnreadableDocumentException.Reason;
import io.numscan.pipeline.DocumentResult;
import io.numscan.pipeline.PageResult;
import io.numscan.pipeline.NumberSource;
import io.numscan.pipeline.ScanService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * What the web front door does with uploads: runs them through {@link ScanService} on the
 * bounded {@link ScanPool}, keeps their page images in the {@link PageImageStore} and counts
 * what happened. Resources only translate HTTP to this and back.
 */
@ApplicationScoped
public class WebScanService {
    /** Resolved on a scanner thread: the first use loads the model, which must not block the event loop. */
    private final Instance<ScanService> scanner;
    private final ScanPool pool;
    private final PageImageStore images;
    private final MeterRegistry registry;
    private final Counter documents;
    private final Counter pages;
    private final Counter numbers;

    /** An uploaded file: the name the client gave it and where the server put its bytes. */
    public record Upload(String name, Path file) {
    }

    /** A scanned document, the id its page images are kept under, and its fields when a template was asked for. */
    public record ScannedDocument(String id, DocumentResult result, Optional<ExtractedDocument> fields) {
        public ScannedDocument(String id, DocumentResult result) {
            this(id, result, Optional.empty());
        }
    }

    /** Everything one request produced, in upload order. */
    public record Outcome(List<ScannedDocument> documents, List<UnreadableDocumentException> failures) {
        public Outcome {
            documents = List.copyOf(documents);
            failures = List.copyOf(failures);
        }
    }

    @Inject
    WebScanService(Instance<ScanService> scanner, ScanPool pool, PageImageStore images, MeterRegistry registry) {
        this.scanner = scanner;
        this.pool = pool;
        this.images = images;
        this.registry = registry;
        this.documents = Counter.builder("numscan.documents.scanned").description("Documents scanned").register(registry);
        this.pages = Counter.builder("numscan.pages.scanned").description("Pages scanned").register(registry);
        this.numbers = Counter.builder("numscan.numbers.found").description("Numbers recognised").register(registry);
    }

    /**
     * Queues the uploads for scanning, their pages read from {@code source}.
     *
     * @throws ScanPool.Busy when every scanner is busy and the queue is full
     */
    public CompletableFuture<Outcome> scan(List<Upload> uploads, NumberSource source) throws ScanPool.Busy {
        return scan(uploads, source, Optional.empty());
    }

    /** Like {@link #scan(List, NumberSource)}, and with {@code fields} present also takes each document's fields. */
    public CompletableFuture<Outcome> scan(List<Upload> uploads, NumberSource source, Optional<FieldExtractor> fields)
            throws ScanPool.Busy {
        try {
            Timer.Sample waiting = Timer.start(registry);
            return pool.submit(() -> {
                waiting.stop(registry.timer("numscan.scan.queue.wait"));
                return scanNow(uploads, source, fields);
            });
        } catch (ScanPool.Busy e) {
            error("busy");
            throw e;
        }
    }

    /** The page image of a scanned document, while it is kept. */
    public Optional<Path> pageImage(String id, int page) {
        return images.find(id, page);
    }

    public Duration pageImagesKept() {
        return images.keep();
    }

    Outcome scanNow(List<Upload> uploads, NumberSource source) {
        return scanNow(uploads, source, Optional.empty());
    }

    Outcome scanNow(List<Upload> uploads, NumberSource source, Optional<FieldExtractor> fields) {
        ScanService service = scanner.get().withSource(source);
        List<ScannedDocument> done = new ArrayList<>();
        List<UnreadableDocumentException> failed = new ArrayList<>();
        for (Upload upload : uploads) {
            String id = images.newDocument();
            Timer.Sample sample = Timer.start(registry);
            String outcome = "ok";
            try {
                byte[] content = Files.readAllBytes(upload.file());
                BiConsumer<PageImage, PageResult> keep = (image, page) -> images.put(id, page.page(), image.image());
                DocumentResult result;
                Optional<ExtractedDocument> extracted = Optional.empty();
                if (fields.isPresent()) {
                    ExtractService.Extraction x = new ExtractService(service, fields.get())
                            .extract(upload.name(), content, keep);
                    result = x.scan();
                    extracted = Optional.of(x.fields());
                } else {
                    result = service.scan(upload.name(), content, keep);
                }
                images.publish(id);
                done.add(new ScannedDocument(id, result, extracted));
                documents.increment();
                pages.increment(result.pages().size());
                numbers.increment(result.numberCount());
            } catch (UnreadableDocumentException e) {
                images.discard(id);
                failed.add(e);
                outcome = "refused";
                error(e.reason().name());
            } catch (IOException e) {
                images.discard(id);
                failed.add(new UnreadableDocumentException(upload.name(), Reason.IO_ERROR,
                        "cannot read the upload: " + e.getMessage(), e));
                outcome = "refused";
                error(Reason.IO_ERROR.name());
            } catch (RuntimeException e) {
                images.discard(id);
                outcome = "failed";
                error("internal");
                throw e;
            } finally {
                sample.stop(registry.timer("numscan.scan.duration", "outcome", outcome));
            }
        }
        return new Outcome(done, failed);
    }

    private void error(String reason) {
        registry.counter("numscan.scan.errors", "reason", reason.toLowerCase(Locale.ROOT)).increment();
    }
}
