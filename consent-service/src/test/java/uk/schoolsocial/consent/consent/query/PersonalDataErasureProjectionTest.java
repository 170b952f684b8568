package uk.schoolsocial.consent.consent.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.consent.ConsentChannel;
import uk.schoolsocial.events.consent.ConsentGivenEvent;
import uk.schoolsocial.events.consent.ConsentMethod;
import uk.schoolsocial.events.consent.ConsentWithdrawnEvent;
import uk.schoolsocial.events.consent.PupilLeftEvent;
import uk.schoolsocial.events.consent.PupilObjectionRecordedEvent;
import uk.schoolsocial.events.consent.PupilRosteredEvent;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;

/**
 * AUD-4: once a pupil's key is destroyed their personal fields arrive as null, in a replay of events
 * stored before the erasure and in events stored after it (stored erased). The projections then write
 * no row of names (the pupil is not on the roster), keep consents as ids and dates, and never fail on a
 * NOT NULL column. Handlers are called directly against the real read model.
 */
@MicronautTest(transactional = false)
class PersonalDataErasureProjectionTest implements AccountEventsDatabaseTest {

    private static final Instant AT = Instant.parse("2026-11-30T09:00:00Z");

    @Inject
    PupilRosterProjection roster;
    @Inject
    PupilConsentProjection consents;
    @Inject
    PupilViewRepository pupils;
    @Inject
    ChannelConsentViewRepository channels;

    @Test
    void aud4_eventsWhosePersonalFieldsReadAsErasedAreProjectedWithoutThem() {
        String record = UUID.randomUUID().toString();
        String pupilId = "pupil-" + UUID.randomUUID();
        roster.on(new PupilRosteredEvent(record, "school-erased", pupilId, null, null, "Year 3", null,
                List.of("parent-1"), AT), 0);
        roster.on(new PupilObjectionRecordedEvent(record, "school-erased", pupilId, "staff-1", null, AT), 1);
        roster.on(new PupilLeftEvent(record, "school-erased", pupilId, LocalDate.parse("2026-11-30"), AT), 2);
        consents.on(new ConsentGivenEvent(record, "school-erased", pupilId, ConsentChannel.PRINT, "parent-1",
                ConsentMethod.PAPER_FORM, null, LocalDate.parse("2026-09-01"), LocalDate.parse("2027-08-31"), AT), 3);
        consents.on(new ConsentWithdrawnEvent(record, "school-erased", pupilId, ConsentChannel.PRINT, "parent-1", AT), 4);

        assertTrue(pupils.findBySchoolIdAndPupilId("school-erased", pupilId).isEmpty(),
                "an erased pupil is not put back on the roster");
        List<ChannelConsentView> stored = channels.findBySchoolIdAndPupilId("school-erased", pupilId);
        assertEquals(1, stored.size());
        assertNull(stored.get(0).formReference());
        assertEquals("parent-1", stored.get(0).withdrawnBy());
        assertEquals(4, stored.get(0).version());
    }
}
