package io.numscan.pipeline;

import io.numscan.assemble.NumberAssembler;
import io.numscan.assemble.RecognizedNumber;
import io.numscan.classify.Classification;
import io.numscan.classify.DigitClassifier;
import io.numscan.classify.GlyphClassifier;
import io.numscan.ingest.Document;
import io.numscan.ingest.DocumentReader;
import io.numscan.ingest.PageImage;
import io.numscan.ingest.UnreadableDocumentException;
import io.numscan.layout.LayoutAnalyzer;
import io.numscan.layout.PageLayout;
import io.numscan.layout.TextLine;
import io.numscan.layout.Token;
import io.numscan.preprocess.PreparedPage;
import io.numscan.preprocess.Preprocessor;
import io.numscan.segment.Glyph;
import io.numscan.segment.SegmentedPage;
import io.numscan.segment.Segmenter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The whole pipeline for one document: ingest, preprocess, segment, layout, classify, assemble.
 * Front doors call this and nothing else. Thread-safe; the classifier is shared.
 */
public final class ScanService {
    private final DocumentReader reader;
    private final Preprocessor preprocessor;
    private final Segmenter segmenter;
    private final LayoutAnalyzer layout;
    private final GlyphClassifier classifier;
    private final NumberAssembler assembler;
    private final ScanOptions options;

    public ScanService(ScanOptions options, DigitClassifier classifier) {
        this.options = options;
        this.reader = new DocumentReader(options.limits());
        this.preprocessor = new Preprocessor(options.preprocess());
        this.segmenter = new Segmenter();
        this.layout = new LayoutAnalyzer(options.layout());
        this.classifier = new GlyphClassifier(classifier, options.batchSize());
        this.assembler = new NumberAssembler(options.assemble());
    }

    public ScanOptions options() {
        return options;
    }

    public DigitClassifier classifier() {
        return classifier.classifier();
    }

    public DocumentResult scan(Path file) throws UnreadableDocumentException {
        try (Document document = reader.open(file)) {
            return scan(document);
        }
    }

    public DocumentResult scan(String name, byte[] content) throws UnreadableDocumentException {
        try (Document document = reader.open(name, content)) {
            return scan(document);
        }
    }

    /**
     * Like {@link #scan(String, byte[])}, and hands each page image with its result to
     * {@code pages} as soon as it is read (e.g. to show the boxes over the page), so no caller
     * needs to render the document a second time.
     */
    public DocumentResult scan(String name, byte[] content, BiConsumer<PageImage, PageResult> pages)
            throws UnreadableDocumentException {
        try (Document document = reader.open(name, content)) {
            return scan(document, pages);
        }
    }

    public DocumentResult scan(Document document) throws UnreadableDocumentException {
        return scan(document, (image, result) -> { });
    }

    public DocumentResult scan(Document document, BiConsumer<PageImage, PageResult> observer)
            throws UnreadableDocumentException {
        List<PageResult> pages = new ArrayList<>(document.pageCount());
        for (int p = 1; p <= document.pageCount(); p++) {
            PageImage image = document.renderPage(p);
            PageResult result = scanPage(image);
            observer.accept(image, result);
            pages.add(result);
        }
        return new DocumentResult(document.name(), document.type().name().toLowerCase(java.util.Locale.ROOT), pages);
    }

    public PageResult scanPage(PageImage page) {
        PreparedPage prepared = preprocessor.prepare(page);
        SegmentedPage segmented = segmenter.segment(prepared);
        PageLayout lines = layout.analyze(segmented);
        List<Glyph> glyphs = new ArrayList<>();
        for (TextLine line : lines.lines()) {
            for (Token token : line.tokens()) {
                glyphs.addAll(token.glyphs());
            }
        }
        List<Classification> classes = classifier.classify(segmented.labels(), glyphs);
        List<RecognizedNumber> numbers = new ArrayList<>();
        int next = 0;
        for (TextLine line : lines.lines()) {
            for (Token token : line.tokens()) {
                int count = token.glyphs().size();
                List<Classification> tokenClasses = classes.subList(next, next + count);
                next += count;
                for (RecognizedNumber n : assembler.assemble(token, tokenClasses, segmented.labels())) {
                    numbers.add(n.mapBoxes(prepared.toPage()::toPage));
                }
            }
        }
        return new PageResult(page.pageNumber(), page.width(), page.height(), page.dpi(), prepared.deskewDegrees(), numbers);
    }
}
