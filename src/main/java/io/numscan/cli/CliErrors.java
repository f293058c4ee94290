package io.numscan.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;

/**
 * What a command that failed on input or output prints: "numscan: COMMAND: what failed", exit
 * code 1, no stack trace (a full disk or a missing permission is not a bug). Any other exception
 * is a bug and keeps picocli's stack trace.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        IOException io = e instanceof UncheckedIOException u ? u.getCause() : e instanceof IOException i ? i : null;
        if (io == null) {
            throw e;
        }
        command.getErr().println("numscan: " + command.getCommandName() + ": " + describe(io));
        return 1;
    }

    /** The file and what went wrong with it, in words: Java names only the file for most file-system failures. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String what = e instanceof NoSuchFileException ? "no such file or folder"
                    : e instanceof FileAlreadyExistsException ? "already exists (and is in the way)"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NotDirectoryException ? "not a folder"
                    : f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + what;
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
