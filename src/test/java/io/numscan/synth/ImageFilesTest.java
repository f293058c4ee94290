package io.numscan.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.numscan.ingest.Document;
import io.numscan.ingest.DocumentReader;
import io.numscan.ingest.IngestLimits;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolution a generated scan is saved with is the one NumScan reads back. */
class ImageFilesTest {
    @TempDir
    Path dir;

    private static BufferedImage page() {
        BufferedImage image = new BufferedImage(340, 440, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 340, 440);
        g.setColor(Color.BLACK);
        g.fillRect(50, 50, 100, 30);
        g.dispose();
        return image;
    }

    private static int dpiOf(Path file) throws Exception {
        try (Document d = new DocumentReader(IngestLimits.DEFAULT).open(file)) {
            return d.renderPage(1).dpi();
        }
    }

    @Test
    void pngTiffAndFaxKeepTheirResolution() throws Exception {
        Path png = dir.resolve("scan.png");
        ImageFiles.png(page(), 200, png);
        assertEquals(200, dpiOf(png));
        Path tiff = dir.resolve("scan.tif");
        ImageFiles.greyTiff(List.of(page(), page()), 200, tiff);
        assertEquals(200, dpiOf(tiff));
        Path fax = dir.resolve("fax.tif");
        ImageFiles.faxTiff(List.of(page()), 300, 150, fax);
        assertEquals(300, dpiOf(fax));
    }
}
