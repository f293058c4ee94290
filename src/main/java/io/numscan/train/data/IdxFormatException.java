package io.numscan.train.data;

import java.io.IOException;
import java.nio.file.Path;

/** An IDX file that is not what it should be: wrong magic number, wrong size, truncated, ... */
public class IdxFormatException extends IOException {

    private final transient Path file;

    public IdxFormatException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public IdxFormatException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
