package io.numscan.cli;

import io.numscan.pipeline.NumberSource;
import picocli.CommandLine.Option;

/** Where pages' numbers are read from; shared by the commands that scan. */
public class SourceOptions {
    @Option(names = "--source", defaultValue = "auto", paramLabel = "SOURCE",
            description = "Where numbers are read from: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
                    + "auto reads a PDF page's text layer when it has a usable visible one and the pixels otherwise; "
                    + "ocr always reads the pixels; text reads only text layers, and a page without one is an error.")
    Source source;

    enum Source { auto, ocr, text }

    NumberSource numberSource() {
        return switch (source) {
            case auto -> NumberSource.AUTO;
            case ocr -> NumberSource.OCR;
            case text -> NumberSource.TEXT;
        };
    }
}
