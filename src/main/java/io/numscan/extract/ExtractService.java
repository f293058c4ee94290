package io.numscan.extract;

import io.numscan.ingest.Document;
import io.numscan.ingest.DocumentReader;
import io.numscan.ingest.PageImage;
import io.numscan.ingest.UnreadableDocumentException;
import io.numscan.pipeline.DocumentResult;
import io.numscan.pipeline.PageResult;
import io.numscan.pipeline.ScanService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Reads a document with the pipeline, then its fields with the templates: what the front doors call. */
public final class ExtractService {
    private final ScanService scanner;
    private final DocumentReader reader;
    private final FieldExtractor extractor;

    /** The numbers read and the fields taken from them. */
    public record Extraction(DocumentResult scan, ExtractedDocument fields) {
    }

    public ExtractService(ScanService scanner, FieldExtractor extractor) {
        this.scanner = scanner;
        this.reader = new DocumentReader(scanner.options().limits());
        this.extractor = extractor;
    }

    public FieldExtractor extractor() {
        return extractor;
    }

    public Extraction extract(Path file) throws UnreadableDocumentException {
        try (Document document = reader.open(file)) {
            return extract(document, (image, page) -> { });
        }
    }

    /** Like {@link ScanService#scan(String, byte[], BiConsumer)}, with the fields besides. */
    public Extraction extract(String name, byte[] content, BiConsumer<PageImage, PageResult> pages)
            throws UnreadableDocumentException {
        try (Document document = reader.open(name, content)) {
            return extract(document, pages);
        }
    }

    public Extraction extract(Document document, BiConsumer<PageImage, PageResult> pages)
            throws UnreadableDocumentException {
        DocumentResult result = scanner.scan(document, pages);
        List<PageContent> content = new ArrayList<>(result.pages().size());
        for (PageResult page : result.pages()) {
            content.add(new PageContent(page, document.textLayer(page.page())));
        }
        return new Extraction(result, extractor.extract(result, content));
    }
}
