package io.numscan.ingest;

/** A document that cannot be scanned, with a reason a person can act on. */
public class UnreadableDocumentException extends Exception {
    private final String source;
    private final Reason reason;

    public enum Reason {
        MISSING, EMPTY, UNSUPPORTED_TYPE, CORRUPT, ENCRYPTED, TOO_LARGE, TOO_MANY_PAGES, IO_ERROR,
        /** Only the text layer was to be read, and a page has none worth reading. */
        NO_TEXT_LAYER
    }

    public UnreadableDocumentException(String source, Reason reason, String message) {
        this(source, reason, message, null);
    }

    public UnreadableDocumentException(String source, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.source = source;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    public Reason reason() {
        return reason;
    }
}
