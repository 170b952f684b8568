package uk.schoolsocial.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the project root, the directory holding every {@code <module>/target/<module>.jar}.
 * People run the launcher from the root, from a module directory (the e2e tests do), or by the
 * jar's path from anywhere, so all three are searched.
 */
final class ProjectHome {

    private ProjectHome() {}

    /**
     * @param workingDir searched first, then its ancestors
     * @param launcherJar where this class was loaded from; searched next, with its ancestors
     * @return the first directory holding the gateway jar, else {@code workingDir}, so that
     *     {@link #requireJars} reports the missing jars against the directory the user is in
     */
    static Path locate(Path workingDir, Optional<Path> launcherJar) {
        List<Path> candidates = new ArrayList<>(selfAndAncestors(workingDir));
        launcherJar.ifPresent(jar -> candidates.addAll(selfAndAncestors(jar)));
        return candidates.stream()
                .filter(dir -> Files.isRegularFile(Deployable.GATEWAY.jar(dir)))
                .findFirst()
                .orElse(workingDir);
    }

    /** @return the jar or classes directory this launcher runs from, when the JVM tells */
    static Optional<Path> launcherJar() {
        CodeSource source = ProjectHome.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Fails before anything is started, naming every jar that is missing and how to build it. */
    static void requireJars(Path home) {
        String missing =
                Stream.of(Deployable.values())
                        .map(deployable -> deployable.jar(home))
                        .filter(jar -> !Files.isRegularFile(jar))
                        .map(jar -> "  " + jar)
                        .collect(Collectors.joining("\n"));
        if (!missing.isEmpty()) {
            throw new SuiteStartException(
                    "Missing service jars under " + home + ":\n" + missing
                            + "\nBuild them with: cd " + home + " && ./mvnw -DskipTests package"
                            + " (or set SMP_HOME to the project root).");
        }
    }

    private static List<Path> selfAndAncestors(Path start) {
        List<Path> dirs = new ArrayList<>();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            dirs.add(dir);
        }
        return dirs;
    }
}
