package io.numscan.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.numscan.pipeline.ScanService;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workers that read pages, hand them to the classifier and assemble them again, under a pixel budget. */
class DocumentProcessorTest {
    @TempDir
    Path dir;

    @Test
    void twoWorkersReadThreePageDocumentsWhenTheBudgetHoldsOnePageAndGetWhatAScanGives() throws Exception {
        ScanService service = BatchFixtures.service();
        BufferedImage page = ImageIO.read(BatchFixtures.SAMPLES.resolve("invoice-scan.png").toFile());
        Path in = Files.createDirectories(dir.resolve("in"));
        Path first = threePages(page, in.resolve("first.tif"));
        Path second = threePages(page, in.resolve("second.tif"));
        // One unit: every page takes the whole budget, so one page at a time is in flight in
        // both workers together. A worker that waited for memory while holding a page's share
        // would wait for itself.
        PixelBudget budget = new PixelBudget(1);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try (PageBatcher batcher = new PageBatcher(service.classifier(), 4, 512)) {
            Path out = dir.resolve("out");
            DocumentProcessor processor = new DocumentProcessor(service, batcher, budget,
                    new ResultStore(out, "test"), in, out, Progress.NONE);
            Future<DocumentOutcome> a = workers.submit(() -> processor.process(first));
            Future<DocumentOutcome> b = workers.submit(() -> processor.process(second));
            for (Future<DocumentOutcome> f : List.of(a, b)) {
                DocumentOutcome outcome = f.get(3, TimeUnit.MINUTES);
                assertNull(outcome.reason(), outcome.reason());
                assertEquals(3, outcome.pages());
                assertEquals(DocumentProcessor.rowsWithoutFile(service.scan(outcome.file())), outcome.rows());
            }
        } finally {
            workers.shutdownNow();
        }
        assertEquals(1, budget.availableUnits(), "every page's share is back");
    }

    private static Path threePages(BufferedImage page, Path file) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < 3; i++) {
                writer.writeToSequence(new IIOImage(page, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return file;
    }
}
