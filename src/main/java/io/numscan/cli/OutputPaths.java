package io.numscan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Output folders and files checked before any work starts: a path that cannot be written is a
 * usage error named by its option, not an exception after minutes of reading or training.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /** Creates {@code folder} (and its parents) unless it exists; a file in its place is refused. */
    static void folder(CommandSpec spec, String option, Path folder) {
        createFolder(spec, option + " " + folder, folder);
    }

    /** Creates the folder {@code file} will be written into; a folder in the file's place is refused. */
    static void file(CommandSpec spec, String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new ParameterException(spec.commandLine(), option + " " + file + " is a folder, not a file");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            createFolder(spec, option + " " + file + ": its folder " + parent, parent);
        }
    }

    private static void createFolder(CommandSpec spec, String named, Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), named + " is a file, not a folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), named + " cannot be created (" + CliErrors.describe(e) + ")");
        }
    }
}
