package io.numscan.cli;

import io.numscan.pipeline.NumberSource;
import io.numscan.pipeline.ScanOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How pages are read: the resolution PDFs are rendered at and where numbers come from; shared by the commands that scan. */
public class ReadingOptions {
    @Option(names = "--dpi", defaultValue = "300", description = "Resolution PDF pages are rendered at (default: ${DEFAULT-VALUE}).")
    int dpi;

    @Option(names = "--source", defaultValue = "auto", paramLabel = "SOURCE",
            description = "Where numbers are read from: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
                    + "auto reads a PDF page's text layer when it has a usable visible one and the pixels otherwise; "
                    + "ocr always reads the pixels; text reads only text layers, and a page without one is an error.")
    Source source;

    enum Source { auto, ocr, text }

    /** The pipeline's options for these choices; a value the pipeline refuses is a usage error of {@code command}. */
    ScanOptions scanOptions(CommandLine command) {
        try {
            return ScanOptions.DEFAULT.withLimits(ScanOptions.DEFAULT.limits().withRenderDpi(dpi)).withSource(numberSource());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command, e.getMessage());
        }
    }

    private NumberSource numberSource() {
        return switch (source) {
            case auto -> NumberSource.AUTO;
            case ocr -> NumberSource.OCR;
            case text -> NumberSource.TEXT;
        };
    }
}
