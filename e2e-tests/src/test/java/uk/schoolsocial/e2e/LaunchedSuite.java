package uk.schoolsocial.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import uk.schoolsocial.launcher.Ports;
import uk.schoolsocial.launcher.SuiteConfig;

/**
 * The launched suite's configuration for one e2e class ({@link SuiteApi} starts it): its own block of
 * ports and its own data directory (emptied first), so classes never share state. Each class names its
 * block; when any port of it is taken (another build on a shared CI machine), a free block is chosen
 * instead. Extra JVM options reach every child, e.g. {@code -Dsmp.some.duration=PT2S} to shorten a due
 * date the test waits for.
 */
final class LaunchedSuite {

    private LaunchedSuite() {
    }

    static SuiteConfig config(String name, int firstPort, String... jvmOptions) {
        return config(name, firstPort, 1, jvmOptions);
    }

    /**
     * As {@link #config}, with {@code instances} processes of every service ({@code SMP_INSTANCES}, issue 13):
     * instance n listens 10 ports above the one before it, so the block is checked for those too.
     */
    static SuiteConfig instancesConfig(String name, int firstPort, int instances, String... jvmOptions) {
        SuiteConfig config = config(name, firstPort, instances, jvmOptions);
        // Twice the JVMs start together: on a busy 2-core machine each takes more than the default 180 s.
        return config.withInstances(instances).withStartTimeout(Duration.ofSeconds(180L * instances));
    }

    private static SuiteConfig config(String name, int firstPort, int instances, String... jvmOptions) {
        Path data = Path.of(System.getProperty("smp.e2e.data", "target/e2e-data"), name).toAbsolutePath();
        deleteRecursively(data);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("SMP_HOME", System.getProperty("smp.home", ".."));
        env.put("SMP_DATA_DIR", data.toString());
        if (jvmOptions.length > 0) {
            env.put("SMP_JAVA_OPTS", "-Xss512k -XX:+UseSerialGC -Xmx256m " + String.join(" ", jvmOptions));
        }
        return SuiteConfig.fromEnvironment(env).withPorts(Ports.startingAt(freeBlock(firstPort, instances)));
    }

    private static final int PORTS = 5;

    private static int freeBlock(int preferred, int instances) {
        if (allFree(preferred, instances)) {
            return preferred;
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            // Below Linux's ephemeral range (32768 up), which outgoing connections take ports from.
            int first = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (allFree(first, instances)) {
                return first;
            }
        }
        throw new IllegalStateException("No block of " + PORTS + " free ports found for the suite");
    }

    private static boolean allFree(int first, int instances) {
        for (int port = first; port < first + PORTS + 10 * (instances - 1); port++) {
            try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                // bound, so free
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
