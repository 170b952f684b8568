package uk.schoolsocial.account.official.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.account.HandoverCompletedEvent;
import uk.schoolsocial.events.account.HandoverOpenedEvent;
import uk.schoolsocial.platform.axon.Serializers;

/**
 * ACC-4, ACC-7: handover events stored before they carried {@code leavingDate} and {@code whoMayPost}
 * (revision 1 all the same) still load with the events' serializer: the new fields read as null, which
 * the aggregate and the projections take as "as before" (the leaver had left; the settings stay).
 */
class StoredHandoverEventsTest {

    private final ObjectMapper mapper = Serializers.jackson().getObjectMapper();

    @Test
    void acc7_aTransferStoredWithoutWhoMayPostLoadsWithNone() throws Exception {
        HandoverCompletedEvent event = mapper.readValue("""
                {"accountId":"acc-1","schoolId":"school-a","handoverId":"ho-1","outcome":"TRANSFERRED",
                 "newAdministratorId":"staff-4","at":"2026-11-22T10:00:00Z","fitForPolicyVersion":1}""",
                HandoverCompletedEvent.class);
        assertEquals("staff-4", event.newAdministratorId());
        assertNull(event.whoMayPost());
        assertEquals(List.of("staff-4", "staff-3"), mapper.readValue(mapper.writeValueAsString(
                new HandoverCompletedEvent("acc-1", "school-a", "ho-1", "TRANSFERRED", "staff-4", event.at(), 1,
                        List.of("staff-4", "staff-3"))), HandoverCompletedEvent.class).whoMayPost());
    }

    @Test
    void acc7_aHandoverStoredWithoutItsLeavingDateLoadsWithNone() throws Exception {
        HandoverOpenedEvent event = mapper.readValue("""
                {"accountId":"acc-1","schoolId":"school-a","handoverId":"ho-1","leaverId":"staff-2",
                 "fitAdministrators":["staff-3"],"dueAt":"2026-12-05T10:15:30Z","at":"2026-11-21T10:15:30Z"}""",
                HandoverOpenedEvent.class);
        assertEquals("staff-2", event.leaverId());
        assertNull(event.leavingDate());
    }
}
