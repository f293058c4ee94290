package io.numscan.ingest;

import java.io.IOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An image stream over a file's bytes already in memory. ImageIO's own file stream reads
 * through an unbuffered RandomAccessFile, a system call per small read or seek, and a fax TIFF
 * decoder seeks for every strip; its memory stream copies the bytes once more into a cache.
 */
final class BytesImageInputStream extends ImageInputStreamImpl {
    private final byte[] bytes;

    BytesImageInputStream(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        return streamPos < bytes.length ? bytes[(int) streamPos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (streamPos >= bytes.length) {
            return -1;
        }
        int n = (int) Math.min(len, bytes.length - streamPos);
        System.arraycopy(bytes, (int) streamPos, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return bytes.length;
    }
}
