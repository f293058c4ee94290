package io.numscan.extract;

/** A template that cannot be used; the message names the file, the field (when one is at fault) and the problem. */
public final class TemplateException extends Exception {
    private final String source;

    public TemplateException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    public TemplateException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
    }

    public String source() {
        return source;
    }
}
