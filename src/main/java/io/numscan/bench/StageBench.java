package io.numscan.bench;

import io.numscan.evaluate.DocumentEvaluator;
import io.numscan.evaluate.NumberScore;
import io.numscan.ingest.Document;
import io.numscan.ingest.DocumentReader;
import io.numscan.ingest.PageImage;
import io.numscan.ingest.UnreadableDocumentException;
import io.numscan.pipeline.DocumentResult;
import io.numscan.pipeline.PageResult;
import io.numscan.pipeline.ScanService;
import io.numscan.pipeline.Stage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Milliseconds per page in each stage, one page at a time on one thread: a first pass warms the
 * JIT (and gives the results scored for F1), the next passes are timed.
 */
public final class StageBench {
    /**
     * @param msPerPage mean wall time of each stage (render included)
     * @param score number-level counts of the pages that have expected numbers
     * @param scoredPages how many pages {@code score} covers
     */
    /** @param label what was read and how: "scan", "pdf" (the configured source: text layer when usable), "pdf-ocr" */
    public record Result(String label, BenchPages.Kind kind, int documents, long pagesTimed, Map<Stage, Double> msPerPage,
            double totalMsPerPage, NumberScore score, int scoredPages) {
    }

    private final ScanService service;
    private final DocumentReader reader;

    public StageBench(ScanService service) {
        this.service = service;
        this.reader = new DocumentReader(service.options().limits());
    }

    /** @param passes timed passes over the documents, after the untimed one */
    public Result run(String label, BenchPages.Kind kind, List<BenchPages.Entry> documents, int passes)
            throws UnreadableDocumentException {
        NumberScore score = NumberScore.ZERO;
        int scoredPages = 0;
        for (BenchPages.Entry e : documents) {
            DocumentResult result = scan(e, new StageTimes());
            if (e.expected().isPresent()) {
                score = score.plus(DocumentEvaluator.score(result, e.expected().get()));
                scoredPages += result.pages().size();
            }
        }
        StageTimes times = new StageTimes();
        for (int pass = 0; pass < passes; pass++) {
            for (BenchPages.Entry e : documents) {
                scan(e, times);
            }
        }
        Map<Stage, Double> ms = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            ms.put(s, times.msPerPage(s));
        }
        return new Result(label, kind, documents.size(), times.pages(), ms, times.totalMsPerPage(), score, scoredPages);
    }

    private DocumentResult scan(BenchPages.Entry entry, StageTimes times) throws UnreadableDocumentException {
        try (Document document = reader.open(entry.file())) {
            List<PageResult> pages = new ArrayList<>(document.pageCount());
            for (int p = 1; p <= document.pageCount(); p++) {
                int number = p;
                Optional<PageResult> text = times.time(Stage.TEXT, () -> textPage(document, number));
                if (text.isPresent()) {
                    pages.add(text.get());
                } else {
                    PageImage image = times.time(Stage.RENDER, () -> render(document, number));
                    pages.add(service.scanPage(image, times));
                }
                times.pageDone();
            }
            return new DocumentResult(document.name(), document.type().name().toLowerCase(java.util.Locale.ROOT),
                    ScanService.inOneConvention(pages));
        }
    }

    private Optional<PageResult> textPage(Document document, int page) {
        try {
            return service.textPage(document, page);
        } catch (UnreadableDocumentException e) {
            throw new BenchException(e.getMessage(), e);
        }
    }

    private static PageImage render(Document document, int page) {
        try {
            return document.renderPage(page);
        } catch (UnreadableDocumentException e) {
            throw new BenchException(e.getMessage(), e);
        }
    }
}
