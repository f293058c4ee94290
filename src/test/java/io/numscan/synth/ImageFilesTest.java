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
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolution a generated scan is saved with is the one NumScan reads back; TIFFs are laid out as scanners write them. */
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

    private static int rowsPerStrip(Path tiff, int page) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(tiff.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                return TIFFDirectory.createFromMetadata(reader.getImageMetadata(page))
                        .getTIFFField(BaselineTIFFTagSet.TAG_ROWS_PER_STRIP).getAsInt(0);
            } finally {
                reader.dispose();
            }
        }
    }

    @Test
    void tiffStripsHoldAbout8KbOfPixelsAndTheGreyPixelsRoundTrip() throws Exception {
        Path tiff = dir.resolve("scan.tif");
        ImageFiles.greyTiff(List.of(page(), page()), 200, tiff);
        // 340 grey bytes a row; one-row strips decode many times slower.
        assertEquals(8192 / 340, rowsPerStrip(tiff, 0));
        assertEquals(8192 / 340, rowsPerStrip(tiff, 1));
        try (Document d = new DocumentReader(IngestLimits.DEFAULT).open(tiff)) {
            assertEquals(io.numscan.geom.GrayImage.fromBufferedImage(page()), d.renderPage(2).image());
        }
        Path fax = dir.resolve("fax.tif");
        ImageFiles.faxTiff(List.of(page()), 300, 150, fax);
        assertEquals(8192 / 43, rowsPerStrip(fax, 0)); // 340 pixels of one bit: 43 bytes a row
    }
}
