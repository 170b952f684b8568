package uk.schoolsocial.launcher;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uses {@code java.io.tmpdir}, outside the real project, whose own jars would otherwise be found
 * by walking up from the test directories.
 */
class ProjectHomeTest {

    @TempDir
    Path temp;

    @Test
    void theRootIsFoundFromAModuleDirectory() throws Exception {
        Path home = TestFiles.fakeHome(temp.resolve("home"), Map.of());
        Path module = Files.createDirectories(home.resolve("e2e-tests"));

        assertEquals(home, ProjectHome.locate(module, Optional.empty()));
    }

    @Test
    void theRootIsFoundFromTheLauncherJarWhenRunFromElsewhere() throws Exception {
        Path home = TestFiles.fakeHome(temp.resolve("home"), Map.of());
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Path launcherJar = home.resolve("launcher/target/launcher.jar");

        assertEquals(home, ProjectHome.locate(elsewhere, Optional.of(launcherJar)));
    }

    @Test
    void withoutJarsTheWorkingDirectoryIsUsed() throws Exception {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));

        assertEquals(elsewhere, ProjectHome.locate(elsewhere, Optional.empty()));
    }

    @Test
    void missingJarsAreAllNamedWithTheBuildCommand() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));

        SuiteStartException error = assertThrows(SuiteStartException.class, () -> ProjectHome.requireJars(empty));

        for (Deployable deployable : Deployable.values()) {
            assertTrue(error.getMessage().contains(deployable.jar(empty).toString()), error.getMessage());
        }
        assertTrue(error.getMessage().contains("./mvnw -DskipTests package"), error.getMessage());
    }

    @Test
    void aCompleteHomePasses() throws Exception {
        Path home = TestFiles.fakeHome(temp.resolve("home"), Map.of());

        assertDoesNotThrow(() -> ProjectHome.requireJars(home));
    }
}
