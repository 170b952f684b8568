package uk.schoolsocial.platform.testing;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * Gives a {@code @MicronautTest(transactional = false)} class its own schema on the real test
 * database and the internal-token secret. Implement it and the context starts against them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public interface DatabaseTest extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        TestDatabase.newSchema(getClass().getSimpleName()).forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put("smp.internal-token.secret", TestTokens.SECRET);
        properties.put("smp.axon.deadline-poll", "200ms");
        return properties;
    }
}
