package uk.schoolsocial.launcher;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: one suite per data directory, or a second one would stop the first one's children as
 * orphans. Another process holding the lock is SuiteTest's business (a launcher in its own JVM).
 */
class LauncherLockTest {

    private Path directory;

    @AfterEach
    void deleteDirectory() throws IOException {
        TestFiles.deleteRecursively(directory);
    }

    @Test
    void aSecondSuiteInThisJvmIsRefusedUntilTheFirstLetsGo() throws IOException {
        DataDirectory dir = DataDirectory.prepare(directory = TestFiles.newDirectory("lock"));
        LauncherLock first = LauncherLock.acquire(dir);

        SuiteStartException refused = assertThrows(SuiteStartException.class, () -> LauncherLock.acquire(dir));
        first.close();

        assertTrue(refused.getMessage().startsWith("A suite started in this JVM is running from " + dir.root()),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("SMP_DATA_DIR"), refused.getMessage());
        LauncherLock.acquire(dir).close();
    }
}
