package uk.schoolsocial.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import uk.schoolsocial.platform.testing.DatabaseTest;

/**
 * A {@link DatabaseTest} whose service has a key to seal account credentials with (ACC-6): without
 * one it refuses to store or reveal them, so a test that provisions accounts with credentials, or
 * sends every operation a body, implements this instead.
 */
public interface CredentialsKeyDatabaseTest extends DatabaseTest {

    /** 32 bytes, base64 encoded, as {@code smp.account.credentials-key} takes them. */
    String CREDENTIALS_KEY = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("smp.account.credentials-key", CREDENTIALS_KEY);
        return properties;
    }
}
