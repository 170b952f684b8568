package uk.schoolsocial.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;
import uk.schoolsocial.platform.audit.AuditExport;
import uk.schoolsocial.platform.audit.AuditQuery;
import uk.schoolsocial.platform.audit.ChainVerifier;
import uk.schoolsocial.platform.audit.Checkpoint;
import uk.schoolsocial.platform.audit.Checkpoints;
import uk.schoolsocial.platform.audit.Verification;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.testing.PlatformAxonContext;
import uk.schoolsocial.platform.testing.TestDatabase;

/**
 * AUD-3 and AUD-4, decision 9 point 3, on the real database and Axon: events stored in plaintext
 * before personal data was sealed are sealed at the next start, and the rewrite is attested in the
 * chain (a signed {@code StoredEventsResealedEvent}). The chain still verifies, against a checkpoint
 * kept from before the rewrite too; the data reads as before and can now be erased; an edit of a
 * resealed row, or of its attestation, is still tampering.
 */
class PlaintextResealTest {

    record LegacyPupilNoted(String schoolId, String pupilId,
                            @PersonalData(whose = Whose.PUPIL, retention = RetentionClass.PUPIL_RECORD,
                                    sealedUnder = SubjectType.PUPIL, keyFrom = "pupilId")
                            String name,
                            @PersonalData(whose = Whose.PUPIL, retention = RetentionClass.PUPIL_RECORD,
                                    sealedUnder = SubjectType.PUPIL, keyFrom = "pupilId")
                            LocalDate dateOfBirth,
                            int count) {
    }

    private Map<String, Object> properties;
    private String schema;
    private ApplicationContext context;

    @BeforeEach
    void start() throws Exception {
        Map<String, Object> database = TestDatabase.newSchema("reseal");
        schema = PlatformAxonContext.schemaOf(database);
        properties = new HashMap<>(PlatformAxonContext.properties(database));
        // One audit key across restarts, as in any deployment: checkpoints and attestations stay checkable.
        properties.put("smp.audit.signing-key", Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded()));
        context = ApplicationContext.run(properties);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private void restart() {
        context.close();
        context = ApplicationContext.run(properties);
    }

    @Test
    void aud4_plaintextEventsAreSealedAtStartAndTheRewriteIsAttestedInTheChain() throws Exception {
        String first = storeInPlaintext(new LegacyPupilNoted("school-a", "p-1", "Zoë Marchetti", LocalDate.of(2014, 3, 9), 7));
        String second = storeInPlaintext(new LegacyPupilNoted("school-a", "p-1", "Zoë Marchetti", null, 8));
        String other = storeInPlaintext(new LegacyPupilNoted("school-b", "p-2", "Bea Rook", LocalDate.of(2013, 1, 2), 9));
        String sealedAlready = publish(new LegacyPupilNoted("school-a", "p-3", "Cy Dunn", null, 1));
        assertTrue(stored(first).contains("Marchetti") && stored(first).contains("2014-03-09"), stored(first));
        Checkpoint kept = context.getBean(Checkpoints.class).issueAtHead();
        assertTrue(context.getBean(ChainVerifier.class).verify(kept).intact(), "the plaintext was chained as stored");

        restart();

        for (String id : List.of(first, second, other)) {
            String stored = stored(id);
            assertFalse(stored.contains("Marchetti") || stored.contains("Rook") || stored.contains("2014-03-09")
                    || stored.contains("2013-01-02"), stored);
            assertTrue(stored.contains("\"$sealed\":\"v1\""), stored);
        }
        assertEquals(new LegacyPupilNoted("school-a", "p-1", "Zoë Marchetti", LocalDate.of(2014, 3, 9), 7), read(first),
                "the event reads as it did");
        assertEquals("Bea Rook", read(other).name());

        Verification verification = context.getBean(ChainVerifier.class).verify(kept);
        assertTrue(verification.intact(), verification.toString());
        assertEquals(io.micronaut.health.HealthStatus.UP, reactor.core.publisher.Mono.from(
                context.getBean(uk.schoolsocial.platform.audit.PlaintextReseal.class).getResult()).block().getStatus());
        assertEquals(Boolean.TRUE, verification.checkpointMatched(), "a checkpoint kept from before the rewrite still holds");
        assertEquals(3, verification.resealedEvents(), "the event sealed on write was not rewritten");
        List<String> attestations = attestations();
        assertEquals(1, attestations.size());
        for (String id : List.of(first, second, other)) {
            assertTrue(attestations.get(0).contains(id), attestations.get(0));
        }
        assertFalse(attestations.get(0).contains(sealedAlready));
        assertFalse(attestations.get(0).contains("Marchetti"), "the attestation holds ids and hashes only");

        String export = export("school-a");
        assertTrue(export.contains("StoredEventsResealedEvent"), "every school's export carries the attestation whole");

        restart();
        assertEquals(1, attestations().size(), "a second start finds nothing more to reseal");
        assertEquals(3, context.getBean(ChainVerifier.class).verify(kept).resealedEvents());

        assertTrue(context.getBean(SubjectKeys.class).destroy(SubjectType.PUPIL, SubjectKeys.subjectId("school-a", "p-1")));
        assertNull(read(first).name(), "data stored before sealing can now be erased");
        assertNull(read(first).dateOfBirth());
        assertEquals("Bea Rook", read(other).name());
        assertTrue(context.getBean(ChainVerifier.class).verify(kept).intact());
    }

    @Test
    void aud3_aResealedRowOrItsAttestationEditedIsStillTampering() throws Exception {
        String first = storeInPlaintext(new LegacyPupilNoted("school-a", "p-1", "Di Ebb", null, 7));
        restart();
        assertTrue(context.getBean(ChainVerifier.class).verify(null).intact());

        execute("UPDATE domain_event_entry SET payload = REPLACE(payload, '\"count\":7', '\"count\":8')"
                + " WHERE event_identifier = '" + first + "'");
        Verification edited = context.getBean(ChainVerifier.class).verify(null);
        assertFalse(edited.intact());
        assertEquals(Verification.Problem.ALTERED, edited.firstBreak().problem());
        assertEquals(first, edited.firstBreak().eventId());
        execute("UPDATE domain_event_entry SET payload = REPLACE(payload, '\"count\":8', '\"count\":7')"
                + " WHERE event_identifier = '" + first + "'");
        assertTrue(context.getBean(ChainVerifier.class).verify(null).intact(), "put back, it verifies again");

        // Someone with write access makes the attestation name other bytes: its signature no longer holds.
        execute("UPDATE domain_event_entry SET payload = REPLACE(payload, '\"storedEntryHash\":\"',"
                + " '\"storedEntryHash\":\"0') WHERE type = 'StoredEventsReseal'");
        Verification forged = context.getBean(ChainVerifier.class).verify(null);
        assertFalse(forged.intact());
        assertEquals(Verification.Problem.ALTERED, forged.firstBreak().problem());
        assertEquals(first, forged.firstBreak().eventId(), "the rewrite is no longer attested");
    }

    @Test
    void aud3_aRowAlreadyTamperedWithIsNotResealedSoTheTamperingStaysVisible() throws Exception {
        String first = storeInPlaintext(new LegacyPupilNoted("school-a", "p-1", "Ed Fox", null, 7));
        execute("UPDATE domain_event_entry SET payload = REPLACE(payload, 'Ed Fox', 'Ed Fix')"
                + " WHERE event_identifier = '" + first + "'");

        restart();

        assertTrue(stored(first).contains("Ed Fix"), "left as found");
        assertTrue(attestations().isEmpty());
        Verification verification = context.getBean(ChainVerifier.class).verify(null);
        assertEquals(Verification.Problem.ALTERED, verification.firstBreak().problem());
        assertEquals(first, verification.firstBreak().eventId());
        // Not only a log line: /health is DOWN naming it, and stays so at the next start.
        assertHealthNames(first);
        restart();
        assertHealthNames(first);
    }

    private void assertHealthNames(String eventId) {
        io.micronaut.management.health.indicator.HealthResult health = reactor.core.publisher.Mono.from(
                context.getBean(uk.schoolsocial.platform.audit.PlaintextReseal.class).getResult()).block();
        assertEquals(io.micronaut.health.HealthStatus.DOWN, health.getStatus());
        assertTrue(String.valueOf(health.getDetails()).contains(eventId), String.valueOf(health.getDetails()));
    }

    /** Appends through a chained store whose serializer does not seal: as a version before sealing wrote. */
    private String storeInPlaintext(LegacyPupilNoted event) throws Exception {
        EventMessage<?> message = GenericEventMessage.asEventMessage(event)
                .andMetaData(PlatformAxonContext.audit(event.schoolId()));
        PlaintextStore.append(schema, List.of(message));
        return message.getIdentifier();
    }

    private String publish(LegacyPupilNoted event) {
        return StoredEventProbe.publish(context.getBean(EventStore.class), event, event.schoolId());
    }

    private LegacyPupilNoted read(String eventId) {
        return StoredEventProbe.read(context.getBean(EventStore.class), eventId, LegacyPupilNoted.class);
    }

    private String stored(String eventId) throws Exception {
        return StoredEventProbe.stored(schema, eventId);
    }

    private List<String> attestations() throws Exception {
        List<String> payloads = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(schema); PreparedStatement select = connection.prepareStatement(
                "SELECT payload FROM domain_event_entry WHERE type = 'StoredEventsReseal' ORDER BY global_index");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                payloads.add(new String(rows.getBytes(1), StandardCharsets.UTF_8));
            }
        }
        return payloads;
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = TestDatabase.connect(schema); PreparedStatement update = connection.prepareStatement(sql)) {
            assertTrue(update.executeUpdate() > 0, sql);
        }
    }

    private String export(String school) {
        byte[] all = Flux.from(context.getBean(AuditExport.class).stream(new AuditQuery(school, null, null, null, null),
                        1, Long.MAX_VALUE, new Actor("auditor-1", java.util.Set.of("AUDITOR"), school)))
                .reduce(new byte[0], (a, b) -> {
                    byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
                    System.arraycopy(b, 0, joined, a.length, b.length);
                    return joined;
                }).block();
        return new String(all, StandardCharsets.UTF_8);
    }
}
