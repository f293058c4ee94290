package io.numscan.cli;

import io.numscan.ingest.DocumentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands the paths given on the command line: folders are walked recursively for supported
 * files (sorted, so runs are repeatable); files named explicitly are always tried.
 */
final class InputFiles {
    private InputFiles() {
    }

    static List<Path> expand(List<Path> arguments) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : arguments) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> DocumentType.hasSupportedExtension(f.getFileName().toString()))
                            .sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }
}
