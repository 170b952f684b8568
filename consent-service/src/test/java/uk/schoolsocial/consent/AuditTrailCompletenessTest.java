package uk.schoolsocial.consent;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.testing.AuditTrailCompleteness;

/** AUD-1 over everything the consent service's tests stored; runs after every other test class. */
@Order(Integer.MAX_VALUE)
class AuditTrailCompletenessTest {

    @Test
    @DisplayName("AUD-1: every consent event type was stored, and every stored event carries who, school, correlation and causation")
    void everyEventCarriesItsAuditMetadata() throws Exception {
        AuditTrailCompleteness.assertEveryEventTypeCarriesAuditMetadata("uk.schoolsocial.events.consent");
    }
}
