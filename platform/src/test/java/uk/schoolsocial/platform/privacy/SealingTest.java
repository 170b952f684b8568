package uk.schoolsocial.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;
import uk.schoolsocial.platform.audit.AuditEntry;
import uk.schoolsocial.platform.audit.AuditLog;
import uk.schoolsocial.platform.audit.AuditQuery;
import uk.schoolsocial.platform.audit.ChainVerifier;
import uk.schoolsocial.platform.audit.Verification;
import uk.schoolsocial.platform.axon.Serializers;
import uk.schoolsocial.platform.testing.PlatformAxonContext;
import uk.schoolsocial.platform.testing.TestDatabase;

/**
 * AUD-4, decision 9, against the real database and Axon's event store: personal fields are stored
 * sealed under their subject's key and read back in plaintext; destroying the key erases them from
 * every stored event while the rest stays readable and the audit chain still verifies; an edited
 * row is still detected; a moved ciphertext does not open; a value stored before sealing reads as is.
 */
class SealingTest {

    record Person(String role,
                  @PersonalData(whose = Whose.THIRD_PARTY, retention = RetentionClass.INCIDENT_RECORD,
                          sealedUnder = SubjectType.INCIDENT, keyFrom = "incidentId")
                  String description) {
    }

    record PupilNoted(String schoolId, String pupilId, String incidentId,
                      @PersonalData(whose = Whose.PUPIL, retention = RetentionClass.PUPIL_RECORD,
                              sealedUnder = SubjectType.PUPIL, keyFrom = "pupilId")
                      String name,
                      @PersonalData(whose = Whose.PUPIL, retention = RetentionClass.PUPIL_RECORD,
                              sealedUnder = SubjectType.PUPIL, keyFrom = "pupilId")
                      LocalDate dateOfBirth,
                      List<Person> people,
                      int count) {
    }

    private ApplicationContext context;
    private String schema;

    @BeforeEach
    void start() {
        Map<String, Object> database = TestDatabase.newSchema("sealing");
        schema = PlatformAxonContext.schemaOf(database);
        context = ApplicationContext.run(PlatformAxonContext.properties(database));
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private String publish(PupilNoted event) {
        return StoredEventProbe.publish(context.getBean(EventStore.class), event, "school-a");
    }

    private PupilNoted read(String eventId) {
        return StoredEventProbe.read(context.getBean(EventStore.class), eventId, PupilNoted.class);
    }

    private String stored(String eventId) throws Exception {
        return StoredEventProbe.stored(schema, eventId);
    }

    private static PupilNoted noted(String pupil, String incident, String name) {
        return noted("school-a", pupil, incident, name);
    }

    private static PupilNoted noted(String school, String pupil, String incident, String name) {
        return new PupilNoted(school, pupil, incident, name, LocalDate.of(2014, 3, 9),
                List.of(new Person("PARENT", "the man in the red coat, " + name + "'s uncle")), 7);
    }

    @Test
    void aud4_personalFieldsAreStoredSealedAndReadInPlaintextWhileTheKeyExists() throws Exception {
        String id = publish(noted("p-1", "i-1", "Zoë Marchetti"));

        String stored = stored(id);
        assertFalse(stored.contains("Marchetti"), stored);
        assertFalse(stored.contains("2014-03-09"), stored);
        assertFalse(stored.contains("red coat"), stored);
        assertTrue(stored.contains("\"$sealed\":\"v1\""), stored);
        assertTrue(stored.contains("\"count\":7") && stored.contains("\"role\":\"PARENT\""), "the rest stays plain");

        assertEquals(noted("p-1", "i-1", "Zoë Marchetti"), read(id));
        AuditEntry entry = context.getBean(AuditLog.class).page(new AuditQuery("school-a", null, null, null, null), 0, 10)
                .get(0);
        assertEquals("Zoë Marchetti", entry.payload().get("name").asText(), "the audit API shows it while the key exists");
        assertEquals("the man in the red coat, Zoë Marchetti's uncle",
                entry.payload().get("people").get(0).get("description").asText());
        context.getBean(SubjectKeys.class).destroy(SubjectType.PUPIL, SubjectKeys.subjectId("school-a", "p-1"));
        entry = context.getBean(AuditLog.class).page(new AuditQuery("school-a", null, null, null, null), 0, 10).get(0);
        assertTrue(entry.payload().get("name").isNull(), "and erased after");
    }

    @Test
    void aud4_destroyingAKeyErasesItsFieldsEverywhereAndTheChainStillVerifies() throws Exception {
        String first = publish(noted("p-2", "i-2", "Ada Quayle"));
        String second = publish(noted("p-2", "i-3", "Ada Quayle"));
        String other = publish(noted("p-3", "i-4", "Bea Rook"));
        SubjectKeys keys = context.getBean(SubjectKeys.class);

        assertTrue(keys.destroy(SubjectType.PUPIL, SubjectKeys.subjectId("school-a", "p-2")));

        for (String id : List.of(first, second)) {
            PupilNoted erased = read(id);
            assertNull(erased.name());
            assertNull(erased.dateOfBirth());
            assertEquals("the man in the red coat, Ada Quayle's uncle", erased.people().get(0).description(),
                    "the incident's own key still holds");
            assertEquals(7, erased.count());
        }
        assertEquals("Bea Rook", read(other).name(), "another pupil is untouched");
        assertTrue(keys.destroy(SubjectType.INCIDENT, SubjectKeys.subjectId("school-a", "i-2")));
        assertNull(read(first).people().get(0).description());
        assertEquals("PARENT", read(first).people().get(0).role());
        assertFalse(keys.destroy(SubjectType.PUPIL, SubjectKeys.subjectId("school-a", "p-2")), "destroyed once");

        Verification verification = context.getBean(ChainVerifier.class).verify(null);
        assertTrue(verification.intact(), verification.toString());
        assertEquals(3, verification.checkedEvents());

        String later = publish(noted("p-2", "i-5", "Ada Quayle"));
        assertFalse(stored(later).contains("Ada"), "an erased subject gets no new key: its data is stored erased");
        assertNull(read(later).name());
    }

    @Test
    void aud4_theSamePupilIdInTwoSchoolsIsTwoSubjects() throws Exception {
        String ours = publish(noted("school-a", "pupil-1", "i-9", "Fay Gale"));
        String theirs = publish(noted("school-b", "pupil-1", "i-10", "Gus Hale"));

        assertTrue(context.getBean(SubjectKeys.class).destroy(SubjectType.PUPIL, SubjectKeys.subjectId("school-a", "pupil-1")));

        assertNull(read(ours).name());
        assertEquals("Gus Hale", read(theirs).name(), "an MIS id is unique within its school only");
        assertTrue(stored(theirs).contains("PUPIL:school-b/pupil-1"), stored(theirs));
    }

    @Test
    void aud4_anEditedSealedRowIsStillDetected() throws Exception {
        String id = publish(noted("p-4", "i-6", "Cy Dunn"));
        try (Connection connection = TestDatabase.connect(schema); PreparedStatement update = connection.prepareStatement(
                "UPDATE domain_event_entry SET payload = REPLACE(payload, '\"count\":7', '\"count\":8')"
                        + " WHERE event_identifier = ?")) {
            update.setString(1, id);
            assertEquals(1, update.executeUpdate());
        }
        Verification verification = context.getBean(ChainVerifier.class).verify(null);
        assertFalse(verification.intact());
        assertEquals(Verification.Problem.ALTERED, verification.firstBreak().problem());
    }

    @Test
    void aud4_aCiphertextMovedToAnotherFieldOrSubjectDoesNotOpenAndPlaintextOfOldEventsReadsAsIs() throws Exception {
        ObjectMapper mapper = Serializers.jackson().getObjectMapper();
        Sealing sealing = new Sealing(context.getBean(SubjectKeys.class), mapper);
        ObjectNode event = mapper.valueToTree(noted("p-5", "i-7", "Di Ebb"));
        sealing.seal(PupilNoted.class, event);

        ObjectNode moved = event.deepCopy();
        moved.set("dateOfBirth", event.get("name"));
        assertThrows(Sealing.SealedFieldTamperedException.class, () -> sealing.open(PupilNoted.class, moved));
        ObjectNode otherSubject = event.deepCopy();
        ((ObjectNode) otherSubject.get("name")).put("k", "PUPIL:school-a/p-1");
        context.getBean(SubjectKeys.class).forSealing(SubjectType.PUPIL, SubjectKeys.subjectId("school-a", "p-1"));
        assertThrows(Sealing.SealedFieldTamperedException.class, () -> sealing.open(PupilNoted.class, otherSubject));

        ObjectNode legacy = mapper.valueToTree(noted("p-6", "i-8", "Ed Fox"));
        sealing.open(PupilNoted.class, legacy);
        assertEquals("Ed Fox", legacy.get("name").asText());
    }

    @Test
    void aud4_afterADestructionNoThreadOpensTheKeyAgain() throws Exception {
        SubjectKeys keys = context.getBean(SubjectKeys.class);
        assertTrue(keys.forSealing(SubjectType.STAFF, SubjectKeys.subjectId("school-a", "s-1")).isPresent());
        assertTrue(keys.forOpening(SubjectType.STAFF, SubjectKeys.subjectId("school-a", "s-1")).isPresent(), "now cached");
        keys.destroy(SubjectType.STAFF, SubjectKeys.subjectId("school-a", "s-1"));
        List<Boolean> opened = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> keys.forOpening(SubjectType.STAFF, SubjectKeys.subjectId("school-a", "s-1")).isPresent()))
                .map(CompletableFuture::join).collect(Collectors.toList());
        assertEquals(List.of(false, false, false, false, false, false, false, false), opened);
        assertTrue(keys.forSealing(SubjectType.STAFF, SubjectKeys.subjectId("school-a", "s-1")).isEmpty(), "and no new key is made");
    }

    @Test
    void aud4_commandsRacingToMakeANewSubjectsKeyAllSealWithTheOneStored() throws Exception {
        // Each its own SubjectKeys (as on several instances: no shared cache), all at once for one new subject.
        javax.sql.DataSource pool = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
                .unwrapDataSource(context.getBean(javax.sql.DataSource.class));
        String master = context.getProperty("smp.privacy.master-key", String.class).orElseThrow();
        String subject = SubjectKeys.subjectId("school-a", "racing-" + java.util.UUID.randomUUID());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<byte[]>> made = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(i -> new SubjectKeys(pool, master, java.time.Duration.ofMinutes(1)))
                    .map(keys -> CompletableFuture.supplyAsync(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return keys.forSealing(SubjectType.PUPIL, subject).orElseThrow().getEncoded();
                    }, threads))
                    .collect(Collectors.toList());
            go.countDown();
            List<byte[]> keys = made.stream().map(CompletableFuture::join).collect(Collectors.toList());
            byte[] stored = context.getBean(SubjectKeys.class).forOpening(SubjectType.PUPIL, subject).orElseThrow()
                    .getEncoded();
            for (byte[] key : keys) {
                assertArrayEquals(stored, key, "a command sealed with a key that is not the stored one");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aud4_aServiceDoesNotStartWithoutAMasterKeyOfThirtyTwoBytes() {
        for (String key : List.of("c2hvcnQ=", "")) {
            assertRefused(key);
        }
    }

    private static void assertRefused(String masterKey) {
        Map<String, Object> properties = new HashMap<>(PlatformAxonContext.properties(TestDatabase.newSchema("sealing")));
        properties.put("smp.privacy.master-key", masterKey);
        Exception refused = assertThrows(Exception.class, () -> ApplicationContext.run(properties).close());
        Throwable cause = refused;
        while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
            cause = cause.getCause();
        }
        assertTrue(String.valueOf(cause.getMessage()).contains("SMP_PRIVACY_MASTER_KEY"), String.valueOf(refused));
    }
}
