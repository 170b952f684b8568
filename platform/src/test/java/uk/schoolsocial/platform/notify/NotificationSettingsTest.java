package uk.schoolsocial.platform.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.context.exceptions.ConfigurationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 12: who a role's notification goes to, and how long a failed one waits. */
class NotificationSettingsTest {

    @Test
    void aRoleAtASchoolMayHaveSeveralMailboxesAndOtherSchoolsNone() {
        NotificationProperties properties = new NotificationProperties();
        properties.setRecipients(List.of("school-a/DSL=dsl@a.example", "school-a/DSL=deputy@a.example",
                "school-a/SLT=head@a.example"));
        RoleMailboxes mailboxes = new RoleMailboxes(properties);
        assertEquals(List.of("dsl@a.example", "deputy@a.example"), mailboxes.of("school-a", "DSL"));
        assertEquals(List.of("head@a.example"), mailboxes.of("school-a", "SLT"));
        assertEquals(List.of(), mailboxes.of("school-b", "DSL"));
    }

    @Test
    void aMalformedEntryStopsTheServiceRatherThanSendingNowhere() {
        for (String entry : List.of("school-a DSL dsl@a.example", "school-a/DSL=not-an-address", "/DSL=x@y",
                "school-a/=x@y")) {
            NotificationProperties properties = new NotificationProperties();
            properties.setRecipients(List.of(entry));
            assertThrows(ConfigurationException.class, () -> new RoleMailboxes(properties), entry);
        }
    }

    @Test
    void failedAttemptsWaitDoublingUpToTheLongestRetry() {
        NotificationProperties properties = new NotificationProperties();
        properties.setFirstRetry(Duration.ofSeconds(30));
        properties.setMaxRetry(Duration.ofMinutes(3));
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                        Duration.ofMinutes(3), Duration.ofMinutes(3)),
                List.of(1, 2, 3, 4, 20).stream().map(properties::backOff).toList());
    }
}
