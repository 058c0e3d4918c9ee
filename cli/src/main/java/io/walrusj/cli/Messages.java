package io.walrusj.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Short, human messages for the errors the subcommands report. */
final class Messages {
    private Messages() {}

    /** The message of {@code e}, naming the file it concerns. */
    static String describe(Throwable e) {
        return describe(e, null);
    }

    /**
     * The message of {@code e} for a line that already starts with {@code context} (a file name):
     * the file is named again only when the error concerns another one.
     */
    static String describe(Throwable e, String context) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            e = u.getCause();
        }
        if (e instanceof NoSuchFileException f) {
            return withFile(f, "No such file or directory", context);
        }
        if (e instanceof AccessDeniedException f) {
            return withFile(f, "Permission denied", context);
        }
        if (e instanceof FileAlreadyExistsException f) {
            return withFile(f, "File exists", context);
        }
        if (e instanceof NotDirectoryException f) {
            return withFile(f, "Not a directory", context);
        }
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
            return withFile(f, reason, context);
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory (encoding keeps all slivers in memory, about 4.5 times the blob size at n = 1000; "
                    + "raise the heap, e.g. JAVA_OPTS=-Xmx16g)";
        }
        String message = e.getMessage();
        return message != null && !message.isBlank() ? message : e.getClass().getSimpleName();
    }

    private static String withFile(FileSystemException e, String reason, String context) {
        String file = e.getFile();
        return file == null || file.equals(context) ? reason : file + ": " + reason;
    }
}
