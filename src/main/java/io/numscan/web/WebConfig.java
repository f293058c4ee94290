package io.numscan.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Limits and sizes of the web front door ({@code numscan.web.*} in application.properties). */
@ConfigMapping(prefix = "numscan.web")
public interface WebConfig {

    /** Largest request body accepted by {@code POST /api/scan}, all files together. */
    @WithDefault("25M")
    MemorySize maxUploadSize();

    /** Documents with more pages are refused (413). */
    @WithDefault("50")
    int maxPages();

    /** Pages with more pixels (after rendering PDFs at 300 DPI) are refused (413). */
    @WithDefault("60000000")
    long maxPagePixels();

    Pool pool();

    /** Folder of extract templates ({@code *.json}) the page offers; none when absent. */
    Optional<String> templates();

    PageImages pageImages();

    /** The scans that run at once, and those that may wait; beyond that the answer is 503. */
    interface Pool {
        /** Scans running at the same time. */
        @WithDefault("2")
        int size();

        /** Requests waiting for a free scanner; one more is refused with 503. */
        @WithDefault("8")
        int queue();

        /** Sent as {@code Retry-After} with a 503. */
        @WithDefault("5s")
        Duration retryAfter();
    }

    /** Page images the result boxes refer to, kept so the page can show them. */
    interface PageImages {
        /** How long a scanned page image can be fetched; then it is deleted. */
        @WithDefault("30m")
        Duration keep();

        /** Where they are kept; by default a fresh folder in the system's temporary folder. */
        Optional<String> dir();
    }
}
