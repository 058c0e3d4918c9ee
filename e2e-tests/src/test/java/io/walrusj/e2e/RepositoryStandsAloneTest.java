package io.walrusj.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The repository builds with nothing beside it: no file may point into a {@code shared} folder
 * next to the repository (reference vectors are walrus-core test resources, spec text is in
 * {@code docs/spec/}). Walks the working tree's text files, skipping build output, local-network
 * state and binaries; no network, no build of other modules.
 */
class RepositoryStandsAloneTest {
    /** Directories that are not part of the sources (build output, tool and run state). */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules",
            ".local-network", ".idea", ".vscode");
    /** Built from pieces so that this file does not contain what it looks for. */
    private static final String SHARED = "sha" + "red";
    private static final List<String> NEEDLES = List.of("../" + SHARED, SHARED + "/vectors", SHARED + "/spec");

    @Test
    void noFileReferencesASharedFolderBesideTheRepository() throws IOException {
        Path root = repositoryRoot();
        List<String> offenders = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    String text = textOf(file);
                    if (text != null) {
                        NEEDLES.stream().filter(text::contains).findFirst()
                                .ifPresent(n -> offenders.add(root.relativize(file) + " (" + n + ")"));
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        assertThat(offenders).as("files referring to a folder outside the repository").isEmpty();
    }

    @Test
    void theCheckSeesTheRepository() {
        // guards the walk itself: a wrong root would make the test above pass on nothing
        Path root = repositoryRoot();
        assertThat(root.resolve("walrus-core/src/test/resources/vectors")).isDirectory();
        assertThat(root.resolve("docs/spec")).isDirectory();
        assertThat(textOf(root.resolve("README.md"))).contains("walrus-core");
    }

    /** The file's text, or null for a binary file (a NUL byte in it). */
    private static String textOf(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b == 0) {
                    return null;
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("e2e-tests"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found above " + dir);
    }
}
