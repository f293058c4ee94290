package io.numscan.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.TestPages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {
    private final DocumentReader reader = new DocumentReader(IngestLimits.DEFAULT);

    @TempDir
    Path dir;

    @Test
    void rendersEveryPdfPageAtTheConfiguredDpi() throws Exception {
        Path pdf = dir.resolve("two.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.addPage(new PDPage(new PDRectangle(200, 100)));
            doc.save(pdf.toFile());
        }
        try (Document d = new DocumentReader(IngestLimits.DEFAULT.withRenderDpi(150)).open(pdf)) {
            assertEquals(DocumentType.PDF, d.type());
            assertEquals(2, d.pageCount());
            PageImage second = d.renderPage(2);
            assertEquals(2, second.pageNumber());
            assertEquals(150, second.dpi());
            assertEquals((int) Math.floor(200 * 150 / 72.0), second.width());
            assertEquals((int) Math.floor(100 * 150 / 72.0), second.height());
        }
    }

    @Test
    void readsEveryPageOfAMultiPageTiff() throws Exception {
        Path tiff = dir.resolve("pages.tif");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("TIFF").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(tiff.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < 3; i++) {
                int w = 100 + i * 10;
                BufferedImage page = TestPages.draw(w, 80, g -> g.drawString("42", 10, 40));
                writer.writeToSequence(new IIOImage(page, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        try (Document d = reader.open(tiff)) {
            assertEquals(DocumentType.TIFF, d.type());
            assertEquals(3, d.pageCount());
            assertEquals(120, d.renderPage(3).width());
        }
    }

    @Test
    void decidesTheTypeFromContentNotTheName() throws Exception {
        Path disguised = dir.resolve("really-a-png.pdf");
        ImageIO.write(TestPages.draw(50, 40, g -> { }), "png", disguised.toFile());
        try (Document d = reader.open(disguised)) {
            assertEquals(DocumentType.PNG, d.type());
        }
    }

    @Test
    void refusesBadInputWithAReasonNamingTheFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.png"));
        assertRefused(empty, UnreadableDocumentException.Reason.EMPTY, "empty");

        Path text = Files.writeString(dir.resolve("notes.png"), "this is not an image");
        assertRefused(text, UnreadableDocumentException.Reason.UNSUPPORTED_TYPE, "not a PDF, PNG, JPEG or TIFF");

        Path corrupt = Files.writeString(dir.resolve("broken.pdf"), "%PDF-1.7\nthis is no PDF body at all\n");
        assertRefused(corrupt, UnreadableDocumentException.Reason.CORRUPT, "PDF");

        assertRefused(dir.resolve("missing.pdf"), UnreadableDocumentException.Reason.MISSING, "no such file");

        Path truncated = dir.resolve("truncated.png");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(TestPages.draw(300, 300, g -> g.drawString("123", 10, 100)), "png", png);
        Files.write(truncated, java.util.Arrays.copyOf(png.toByteArray(), 60));
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> {
            try (Document d = reader.open(truncated)) {
                d.renderPage(1);
            }
        });
        assertEquals(UnreadableDocumentException.Reason.CORRUPT, e.reason());
    }

    @Test
    void refusesAPasswordProtectedPdf() throws Exception {
        Path pdf = dir.resolve("secret.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user-password", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(pdf.toFile());
        }
        assertRefused(pdf, UnreadableDocumentException.Reason.ENCRYPTED, "password");
    }

    @Test
    void refusesAnImageTooLargeBeforeDecodingIt() throws Exception {
        // A valid PNG header claiming 100,000 x 100,000 pixels: must be refused from the header alone.
        Path huge = dir.resolve("huge.png");
        Files.write(huge, pngHeaderOnly(100_000, 100_000));
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> {
            try (Document d = reader.open(huge)) {
                d.renderPage(1);
            }
        });
        assertEquals(UnreadableDocumentException.Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("100000x100000"), e.getMessage());
    }

    private void assertRefused(Path file, UnreadableDocumentException.Reason reason, String words) {
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> reader.open(file).close());
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(file.toString(), e.source());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    private static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream c = new DataOutputStream(chunk);
        c.writeBytes("IHDR");
        c.writeInt(width);
        c.writeInt(height);
        c.write(new byte[] {8, 0, 0, 0, 0});
        byte[] data = chunk.toByteArray();
        out.writeInt(data.length - 4);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(data);
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
