package uk.schoolsocial.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InternalTokenSecretTest {

    @Test
    void theFirstRunGeneratesFortyEightRandomBytesReadableByTheOwnerOnly() throws Exception {
        DataDirectory dir = DataDirectory.prepare(TestFiles.newDirectory("secret").resolve("new"));

        String secret = InternalTokenSecret.resolve(Optional.empty(), dir.internalTokenSecret());

        assertEquals(48, Base64.getDecoder().decode(secret).length);
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.internalTokenSecret())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.secrets())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.root())));
    }

    @Test
    void laterRunsReuseTheSecret() throws Exception {
        Path file = DataDirectory.prepare(TestFiles.newDirectory("secret")).internalTokenSecret();

        String first = InternalTokenSecret.resolve(Optional.empty(), file);
        String second = InternalTokenSecret.resolve(Optional.empty(), file);

        assertEquals(first, second);
    }

    @Test
    void differentDataDirectoriesGetDifferentSecrets() throws Exception {
        String one = InternalTokenSecret.resolve(Optional.empty(),
                DataDirectory.prepare(TestFiles.newDirectory("secret")).internalTokenSecret());
        String other = InternalTokenSecret.resolve(Optional.empty(),
                DataDirectory.prepare(TestFiles.newDirectory("secret")).internalTokenSecret());

        assertNotEquals(one, other);
    }

    @Test
    void aConfiguredSecretWinsAndNothingIsWritten() throws Exception {
        Path file = DataDirectory.prepare(TestFiles.newDirectory("secret")).internalTokenSecret();
        String configured = "configured-secret-of-enough-length!";

        assertEquals(configured, InternalTokenSecret.resolve(Optional.of(configured), file));
        assertFalse(Files.exists(file));
    }

    @Test
    void aSecretShorterThanTheContractsMinimumIsRefused() throws Exception {
        Path file = DataDirectory.prepare(TestFiles.newDirectory("secret")).internalTokenSecret();

        assertThrows(SuiteStartException.class,
                () -> InternalTokenSecret.resolve(Optional.of("x".repeat(31)), file));
    }
}
