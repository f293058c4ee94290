package io.numscan.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class BytesImageInputStreamTest {
    private final byte[] bytes = {1, 2, 3, 4, 5, 6, (byte) 0xf0};

    @Test
    void readsSeeksAndReadsBackwardsAsAnImageStreamMust() throws IOException {
        try (BytesImageInputStream in = new BytesImageInputStream(bytes)) {
            assertEquals(7, in.length());
            assertEquals(0x01020304, in.readInt());
            in.setByteOrder(ByteOrder.LITTLE_ENDIAN);
            in.seek(0);
            assertEquals(0x04030201, in.readInt());
            byte[] rest = new byte[3];
            in.readFully(rest);
            assertArrayEquals(new byte[] {5, 6, (byte) 0xf0}, rest);
            assertEquals(-1, in.read());
            assertEquals(-1, in.read(new byte[4], 0, 4));
            in.seek(6);
            assertEquals(0xf, in.readBits(4), "bit reads start where the byte reads left off");
        }
    }

    @Test
    void aShortFileIsAnEndOfFileNotGarbage() throws IOException {
        try (BytesImageInputStream in = new BytesImageInputStream(bytes)) {
            in.seek(5);
            assertThrows(EOFException.class, in::readInt);
        }
    }
}
