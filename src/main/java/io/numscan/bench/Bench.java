package io.numscan.bench;

import io.numscan.classify.CropNormalizer;
import io.numscan.ingest.Document;
import io.numscan.ingest.DocumentReader;
import io.numscan.ingest.UnreadableDocumentException;
import io.numscan.pipeline.NumberSource;
import io.numscan.pipeline.PendingPage;
import io.numscan.pipeline.ScanService;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Runs the parts of a benchmark that {@link BenchOptions} asks for over one page set. */
public final class Bench {
    /** Enough distinct crops that a batch of 512 is not one crop repeated. */
    private static final int CROP_POOL = 4096;

    private final ScanService service;
    private final BenchOptions options;
    private final PrintStream log;
    private final List<String> modelArguments;

    /** @param modelArguments the model options for the {@code numscan batch} runs it starts */
    public Bench(ScanService service, BenchOptions options, PrintStream log, List<String> modelArguments) {
        this.service = service;
        this.options = options;
        this.log = log;
        this.modelArguments = List.copyOf(modelArguments);
    }

    public BenchReport run(BenchPages pages) throws IOException, InterruptedException {
        String loadBefore = BenchReport.Environment.loadAverage();
        List<StageBench.Result> stages = new ArrayList<>();
        List<ClassifierBench.Result> classifier = new ArrayList<>();
        List<BatchBench.Result> batches = new ArrayList<>();
        TesseractBench.Comparison tesseract = null;
        List<BenchPages.Entry> scans = pages.of(BenchPages.Kind.SCAN);
        try {
            if (options.runs(BenchOptions.Part.stages)) {
                List<BenchPages.Entry> pdfs = pages.of(BenchPages.Kind.PDF);
                if (!scans.isEmpty()) {
                    progress("stage times, " + scans.size() + " scan document(s)");
                    stages.add(new StageBench(service).run("scan", BenchPages.Kind.SCAN, scans, options.passes()));
                }
                if (!pdfs.isEmpty()) {
                    progress("stage times, " + pdfs.size() + " PDF document(s), text layer where usable");
                    stages.add(new StageBench(service).run("pdf", BenchPages.Kind.PDF, pdfs, options.passes()));
                    // The same PDFs rendered and read from their pixels: what a PDF without a text layer costs.
                    progress("stage times, " + pdfs.size() + " PDF document(s), rendered and read from the pixels");
                    stages.add(new StageBench(service.withSource(NumberSource.OCR)).run("pdf-ocr", BenchPages.Kind.PDF, pdfs,
                            options.passes()));
                }
            }
            if (options.runs(BenchOptions.Part.classifier)) {
                ClassifierBench bench = new ClassifierBench(service.classifier(), crops(pages));
                for (int batch : options.batchSizes()) {
                    progress("classifier, batch " + batch);
                    classifier.add(bench.run(batch, Math.min(2, options.seconds() / 2), options.seconds()));
                }
            }
            List<BenchPages.Entry> batchDocs = scans.isEmpty() ? pages.entries() : scans;
            if (options.runs(BenchOptions.Part.batch)) {
                BatchBench bench = new BatchBench(modelArguments, log);
                for (int jobs : options.jobs()) {
                    batches.add(bench.run(batchDocs, options.batchPages(), jobs));
                }
            }
            if (options.runs(BenchOptions.Part.tesseract)) {
                if (scans.isEmpty()) {
                    log.println("numscan: bench: no scans in " + pages.folder() + ": Tesseract comparison left out");
                } else {
                    progress("Tesseract on " + scans.size() + " scan document(s)");
                    tesseract = new TesseractBench(log).run(scans, options.tesseractPages(),
                            stages.stream().filter(s -> s.kind() == BenchPages.Kind.SCAN).findFirst(),
                            batches.stream().max(java.util.Comparator.comparingDouble(BatchBench.Result::pagesPerSecond)));
                }
            }
        } catch (UnreadableDocumentException e) {
            throw new BenchException(e.getMessage(), e);
        }
        return new BenchReport(BenchReport.Environment.now(service.classifier().info(), loadBefore), pages.folder(),
                stages, classifier, batches, tesseract);
    }

    private void progress(String what) {
        log.println("numscan: bench: " + what);
        log.flush();
    }

    /** Normalized crops of the pages' glyphs, as the scanner makes them, up to {@link #CROP_POOL}. */
    private float[] crops(BenchPages pages) throws UnreadableDocumentException {
        DocumentReader reader = new DocumentReader(service.options().limits());
        float[] pool = new float[CROP_POOL * CropNormalizer.PIXELS];
        int n = 0;
        for (BenchPages.Entry e : pages.entries()) {
            try (Document d = reader.open(e.file())) {
                for (int p = 1; p <= d.pageCount() && n < CROP_POOL; p++) {
                    PendingPage page = service.withSource(NumberSource.OCR).preparePage(d.renderPage(p));
                    int take = Math.min(page.glyphCount(), CROP_POOL - n);
                    System.arraycopy(page.crops(), 0, pool, n * CropNormalizer.PIXELS, take * CropNormalizer.PIXELS);
                    n += take;
                }
            }
            if (n >= CROP_POOL) {
                break;
            }
        }
        return java.util.Arrays.copyOf(pool, n * CropNormalizer.PIXELS);
    }
}
