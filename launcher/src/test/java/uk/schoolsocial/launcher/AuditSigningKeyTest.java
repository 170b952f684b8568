package uk.schoolsocial.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** AUD-3: the key the services sign audit checkpoints with, as the platform reads {@code smp.audit.signing-key}. */
class AuditSigningKeyTest {

    private static PrivateKey decode(String key) throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key)));
    }

    @Test
    void theFirstRunGeneratesAnEd25519KeyInPkcs8ReadableByTheOwnerOnly() throws Exception {
        DataDirectory dir = DataDirectory.prepare(TestFiles.newDirectory("audit-key").resolve("new"));

        PrivateKey key = decode(AuditSigningKey.resolve(dir.auditSigningKey()));

        assertTrue(key instanceof EdECPrivateKey, key.getClass().getName());
        assertEquals("PKCS#8", key.getFormat());
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update("checkpoint".getBytes(StandardCharsets.UTF_8));
        assertEquals(64, signer.sign().length);
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.auditSigningKey())));
    }

    @Test
    void laterRunsReuseTheKey() throws Exception {
        Path file = DataDirectory.prepare(TestFiles.newDirectory("audit-key")).auditSigningKey();

        String first = AuditSigningKey.resolve(file);
        String second = AuditSigningKey.resolve(file);

        assertEquals(first, second);
    }

    @Test
    void differentDataDirectoriesGetDifferentKeys() throws Exception {
        String one = AuditSigningKey.resolve(DataDirectory.prepare(TestFiles.newDirectory("audit-key")).auditSigningKey());
        String other = AuditSigningKey.resolve(DataDirectory.prepare(TestFiles.newDirectory("audit-key")).auditSigningKey());

        assertNotEquals(one, other);
    }

    @Test
    void aDamagedKeyFileStopsTheStartNamingTheFile() throws Exception {
        Path file = DataDirectory.prepare(TestFiles.newDirectory("audit-key")).auditSigningKey();
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[32]));

        SuiteStartException refused = assertThrows(SuiteStartException.class, () -> AuditSigningKey.resolve(file));

        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
    }
}
