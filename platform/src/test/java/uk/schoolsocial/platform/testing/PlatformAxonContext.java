package uk.schoolsocial.platform.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import uk.schoolsocial.events.AuditMetadata;

/** The properties and metadata of platform's own Axon tests (the test factory in platform.axon). */
public final class PlatformAxonContext {

    /** A test-only master key for data-subject keys (AUD-4), base64 of 32 bytes. */
    public static final String MASTER_KEY = "c2VhbGluZy10ZXN0LW1hc3Rlci1rZXktMzItYnl0ZXM=";

    private PlatformAxonContext() {
    }

    /** Properties for an application context on {@code database} with the platform test aggregate and processor. */
    public static Map<String, Object> properties(Map<String, Object> database) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("smp.test.platform-axon", "true");
        properties.put("smp.service.name", "platformtest");
        properties.put("smp.internal-token.secret", TestTokens.SECRET);
        properties.put("smp.axon.deadline-poll", "200ms");
        properties.put("micronaut.server.port", "-1");
        properties.put("smp.privacy.master-key", MASTER_KEY);
        return properties;
    }

    /**
     * Properties for a service-like context on {@code database}: the notes aggregate, projection, saga and
     * controller of the dead-letter tests (DeadLetterTestFactory) instead of the platform test aggregate.
     */
    public static Map<String, Object> notesProperties(Map<String, Object> database) {
        Map<String, Object> properties = properties(database);
        properties.put("smp.test.platform-axon", "false");
        properties.put("smp.test.dead-letters", "true");
        return properties;
    }

    /** The AUD-1 metadata of a command or event sent by a test, for {@code school}. */
    public static MetaData audit(String school) {
        String id = UUID.randomUUID().toString();
        return MetaData.with(AuditMetadata.ACTOR_ID, "tester").and(AuditMetadata.ACTOR_ROLES, "SLT")
                .and(AuditMetadata.SCHOOL_ID, school).and(AuditMetadata.CORRELATION_ID, id)
                .and(AuditMetadata.CAUSATION_ID, id);
    }

    /** The schema name of a database map from {@link TestDatabase#newSchema}. */
    public static String schemaOf(Map<String, Object> database) {
        return database.get("datasources.default.url").toString().replaceAll(".*/", "").replaceAll("\\?.*", "");
    }
}
