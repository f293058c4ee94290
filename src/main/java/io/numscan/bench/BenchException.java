package io.numscan.bench;

/** A benchmark could not run (a page that does not read, a tool that fails); the message says why. */
public final class BenchException extends RuntimeException {
    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
