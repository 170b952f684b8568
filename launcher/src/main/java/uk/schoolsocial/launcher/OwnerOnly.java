package uk.schoolsocial.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates directories and files readable by their owner only, atomically, so a secret is never
 * visible to other users even for the moment between creating and restricting it. On file
 * systems without POSIX permissions the platform default applies.
 */
final class OwnerOnly {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {}

    /** Creates {@code dir} and missing parents as {@code rwx------}; an existing one is kept. */
    static Path createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        return POSIX
                ? Files.createDirectories(dir, attribute("rwx------"))
                : Files.createDirectories(dir);
    }

    /** Creates {@code file} as {@code rw-------} holding {@code content}; fails if it exists. */
    static void createFile(Path file, String content) throws IOException {
        Path created = POSIX ? Files.createFile(file, attribute("rw-------")) : Files.createFile(file);
        Files.writeString(created, content, StandardCharsets.UTF_8);
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
