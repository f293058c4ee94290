package io.numscan.pipeline;

/** A document that could not be scanned, and why, in words for the person who gave it. */
public record ScanFailure(String file, String reason) {
}
