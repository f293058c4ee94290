package io.numscan.extract;

/** The outcome of one check on one document; {@code detail} says what was compared, in words. */
public record CheckResult(String check, Status status, String detail) {
    public enum Status { PASSED, FAILED, NOT_CHECKED }
}
