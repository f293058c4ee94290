package io.numscan.train.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Reads and writes IDX files (the MNIST format) of unsigned bytes, plain or gzipped.
 *
 * <p>An IDX file is a 4-byte magic number {@code 0x00 0x00 type ndims}, then {@code ndims} big-endian
 * 32-bit dimension sizes, then the data. Only type {@code 0x08} (unsigned byte) is supported, which is
 * what MNIST uses: images are {@code 0x00000803} (count, rows, cols), labels {@code 0x00000801} (count).
 *
 * <p>Whether a file is gzipped is told by its first two bytes (the gzip magic {@code 1f 8b}), not by
 * its name. When writing, a name ending in {@code .gz} gets gzip (without a time stamp, so the same
 * data always gives the same bytes). Every problem is reported as an {@link IdxFormatException} naming
 * the file.
 */
public final class IdxFiles {

    /** Magic number of an IDX file of unsigned-byte images (3 dimensions). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned-byte labels (1 dimension). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int TYPE_UBYTE = 0x08;

    private IdxFiles() {
    }

    /** The header and data of an unsigned-byte IDX file. */
    public record IdxArray(int[] dims, byte[] data) {
        /** Number of entries along the first dimension. */
        public int count() {
            return dims[0];
        }
    }

    /** Reads images and labels and checks that they belong together. */
    public static DigitSet read(Path images, Path labels) throws IOException {
        IdxArray img = readArray(images, 3);
        IdxArray lab = readArray(labels, 1);
        if (img.count() != lab.count()) {
            throw new IdxFormatException(images, img.count() + " images but " + labels + " has "
                    + lab.count() + " labels");
        }
        return new DigitSet(img.dims()[1], img.dims()[2], img.data(), lab.data());
    }

    /** Writes the set as an images file and a labels file (gzipped where the name ends in .gz). */
    public static void write(DigitSet set, Path images, Path labels) throws IOException {
        writeArray(images, new int[] {set.size(), set.rows(), set.cols()}, set.pixels());
        writeArray(labels, new int[] {set.size()}, set.labels());
    }

    /**
     * Reads an unsigned-byte IDX file with {@code expectedDims} dimensions (or any number if
     * {@code expectedDims <= 0}).
     */
    public static IdxArray readArray(Path file, int expectedDims) throws IOException {
        byte[] bytes = decompressed(file);
        if (bytes.length < 4) {
            throw new IdxFormatException(file, "too short for an IDX header (" + bytes.length + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes); // big-endian
        int magic = buf.getInt();
        if ((magic >>> 16) != 0) {
            throw new IdxFormatException(file, String.format(
                    "bad magic number 0x%08x: not an IDX file (must start with two zero bytes)", magic));
        }
        int type = (magic >>> 8) & 0xff;
        int ndims = magic & 0xff;
        if (type != TYPE_UBYTE) {
            throw new IdxFormatException(file, String.format(
                    "magic number 0x%08x: data type 0x%02x is not supported, only unsigned byte (0x08)",
                    magic, type));
        }
        if (ndims == 0 || (expectedDims > 0 && ndims != expectedDims)) {
            String want = expectedDims == 1 ? " (labels, 0x00000801)"
                    : expectedDims == 3 ? " (images, 0x00000803)" : "";
            throw new IdxFormatException(file, String.format(
                    "magic number 0x%08x: %d dimension(s), expected %d%s", magic, ndims,
                    expectedDims, want));
        }
        if (bytes.length < 4 + 4L * ndims) {
            throw new IdxFormatException(file, "truncated header: " + ndims + " dimensions need "
                    + (4 + 4 * ndims) + " bytes, file has " + bytes.length);
        }
        int[] dims = new int[ndims];
        long expected = 1;
        for (int i = 0; i < ndims; i++) {
            dims[i] = buf.getInt();
            if (dims[i] < 0 || (i > 0 && dims[i] == 0)) {
                throw new IdxFormatException(file, "invalid size " + Integer.toUnsignedString(dims[i])
                        + " of dimension " + i);
            }
            expected *= dims[i];
            if (expected > Integer.MAX_VALUE) {
                throw new IdxFormatException(file, "header claims too much data: dimensions "
                        + Arrays.toString(Arrays.copyOf(dims, i + 1)));
            }
        }
        long actual = bytes.length - (4L + 4L * ndims);
        if (actual != expected) {
            throw new IdxFormatException(file, "header " + Arrays.toString(dims) + " needs " + expected
                    + " data bytes but file has " + actual
                    + (actual < expected ? " (truncated)" : " (trailing bytes)"));
        }
        return new IdxArray(dims, Arrays.copyOfRange(bytes, 4 + 4 * ndims, bytes.length));
    }

    /** Writes an unsigned-byte IDX file; gzipped if the file name ends with {@code .gz}. */
    public static void writeArray(Path file, int[] dims, byte[] data) throws IOException {
        if (dims.length == 0 || dims.length > 255) {
            throw new IllegalArgumentException("IDX needs 1..255 dimensions, got " + dims.length);
        }
        long n = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(dims));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("dimensions " + Arrays.toString(dims) + " need " + n
                    + " bytes, got " + data.length);
        }
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * dims.length);
        header.putInt((TYPE_UBYTE << 8) | dims.length);
        for (int d : dims) {
            header.putInt(d);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream out = isGzName(file) ? new GZIPOutputStream(raw, 1 << 16) : raw) {
            out.write(header.array());
            out.write(data);
        }
    }

    /** True if the file starts with the gzip magic bytes. */
    public static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    private static boolean isGzName(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().endsWith(".gz");
    }

    private static byte[] decompressed(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "IDX file not found");
        }
        if (!isGzip(bytes)) {
            return bytes;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
            in.transferTo(out);
            return out.toByteArray();
        } catch (EOFException e) {
            throw new IdxFormatException(file, "gzip data is truncated", e);
        } catch (ZipException e) {
            throw new IdxFormatException(file, "corrupt gzip data: " + e.getMessage(), e);
        }
    }
}
