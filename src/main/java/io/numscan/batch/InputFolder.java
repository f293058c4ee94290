package io.numscan.batch;

import io.numscan.ingest.DocumentType;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of the input folder, walked recursively and sorted by path. Hidden files and
 * folders (name starting with a dot: editor and copy-tool temporaries, .DS_Store) and the output
 * folder, when it lies inside the input, are not inputs.
 */
final class InputFolder {
    private final Path root;
    private final Path exclude;

    InputFolder(Path root, Path output) {
        this.root = root;
        this.exclude = output.toAbsolutePath().normalize();
    }

    /** A file found in the folder, with what was seen of it. */
    record Entry(Path path, long size, long modifiedMillis) {
        boolean supported() {
            return DocumentType.hasSupportedExtension(path.getFileName().toString());
        }
    }

    List<Entry> list() throws IOException {
        List<Entry> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && (hidden(dir) || dir.toAbsolutePath().normalize().equals(exclude))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !hidden(file)) {
                    files.add(new Entry(file, attrs.size(), attrs.lastModifiedTime().toMillis()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // removed while we walked
                }
                if (file.equals(root)) {
                    throw e;
                }
                files.add(new Entry(file, -1, -1));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort((a, b) -> a.path().compareTo(b.path()));
        return files;
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

}
