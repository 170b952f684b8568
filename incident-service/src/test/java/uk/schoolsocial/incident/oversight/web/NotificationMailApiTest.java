package uk.schoolsocial.incident.oversight.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.incident.report.web.HandlingApiTestAccess;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * Issue 12: the INC-2 outbox e-mailed through a real SMTP server (GreenMail) by the platform's
 * NotificationSender, with the category and a link only, retried while the server is down or no
 * mailbox is configured, parked after the last attempt, and its state visible in the API.
 */
@MicronautTest(transactional = false)
class NotificationMailApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("incident");
    private static final String SCHOOL = "school-" + UUID.randomUUID();
    private static final String DSL_MAILBOX = "dsl@" + SCHOOL + ".example";
    private static final String SLT_MAILBOX = "head@" + SCHOOL + ".example";
    /** A school with no mailbox configured for any role. */
    private static final String UNCONFIGURED = "school-" + UUID.randomUUID();
    private static final int MAX_ATTEMPTS = 4;

    private GreenMail smtp = startSmtp(0);

    @Inject
    EmbeddedServer server;

    /** A real SMTP server on {@code port}, or on a free one for 0. */
    private static GreenMail startSmtp(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail mail = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        mail.start();
        return mail;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(AccountEventsDatabaseTest.super.getProperties());
        properties.put("smp.notifications.smtp-host", "127.0.0.1");
        properties.put("smp.notifications.smtp-port", String.valueOf(smtp.getSmtp().getPort()));
        properties.put("smp.notifications.smtp-timeout", "2s");
        properties.put("smp.notifications.interval", "200ms");
        properties.put("smp.notifications.first-retry", "500ms");
        properties.put("smp.notifications.max-retry", "1s");
        properties.put("smp.notifications.max-attempts", String.valueOf(MAX_ATTEMPTS));
        properties.put("smp.notifications.link-base", "https://suite.example/");
        properties.put("smp.notifications.recipients",
                SCHOOL + "/DSL=" + DSL_MAILBOX + "," + SCHOOL + "/SLT=" + SLT_MAILBOX);
        return properties;
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    private String report(String school, String category, String role) {
        Map<String, Object> body = new HashMap<>(HandlingApiTestAccess.report(category, role));
        body.put("whatHappened", "Jane Doe in year 9 sent a friend request to Mr Smith.");
        String location = API.as(TestTokens.bearer("staff-a", school, "STAFF")).body(body)
                .post("/api/v1/incidents").then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private ValidatableResponse notificationOf(String school, String role, String incident) {
        return API.as(TestTokens.bearer("reader", school, role))
                .get("/api/v1/incidents/notifications").then().statusCode(200)
                .rootPath("items.find { it.incidentId == '" + incident + "' }");
    }

    /** The mail to {@code address} about {@code incident}. */
    private MimeMessage[] mailTo(String address, String incident) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address))
                        && GreenMailUtil.getBody(m).contains(incident);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }

    @Test
    void inc2_aPupilsFriendRequestToStaffEmailsTheDslWithinSecondsWithCategoryAndLinkOnly() throws Exception {
        String incident = report(SCHOOL, "PUPIL_CONTACT_WITH_STAFF", "PUPIL");
        long reported = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).until(() -> mailTo(DSL_MAILBOX, incident).length == 1);
        assertTrue(Duration.ofNanos(System.nanoTime() - reported).toSeconds() < 5);
        MimeMessage mail = mailTo(DSL_MAILBOX, incident)[0];
        assertEquals("New incident to handle: pupil contact with staff incident", mail.getSubject());
        String body = GreenMailUtil.getBody(mail);
        assertTrue(body.contains("https://suite.example/api/v1/incidents/" + incident), body);
        assertFalse(body.contains("Jane") || body.contains("Smith") || mail.getSubject().contains("Jane"), body);
        assertEquals(0, mailTo(SLT_MAILBOX, incident).length, "INC-2 routes a pupil's contact to the DSL only");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> notificationOf(SCHOOL, "DSL", incident)
                .body("deliveryState", equalTo("SENT")).body("attempts", equalTo(1)));
        notificationOf(SCHOOL, "DSL", incident).body("deliveredAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aNotificationIsRetriedWhileTheSmtpServerIsDownAndSentOnceItIsBack() {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        String incident = report(SCHOOL, "COPYRIGHT", "THIRD_PARTY");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> notificationOf(SCHOOL, "SLT", incident)
                .body("deliveryState", equalTo("PENDING")).body("attempts", greaterThanOrEqualTo(1))
                .body("lastError", containsString("SMTP unavailable")));
        smtp = startSmtp(port);
        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(SLT_MAILBOX, incident).length == 1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> notificationOf(SCHOOL, "SLT", incident)
                .body("deliveryState", equalTo("SENT")).body("attempts", greaterThanOrEqualTo(2)));
    }

    @Test
    void aNotificationWithNoMailboxForItsRoleIsRetriedThenParkedAsFailed() {
        double failedBefore = attempts("failed");
        String incident = report(UNCONFIGURED, "PUPIL_CONTACT_WITH_STAFF", "PUPIL");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> notificationOf(UNCONFIGURED, "DSL", incident)
                .body("deliveryState", equalTo("FAILED")).body("attempts", equalTo(MAX_ATTEMPTS))
                .body("lastError", equalTo("No mailbox configured for DSL at this school")));
        // what /prometheus shows as smp_notifications_attempts_total (issue 14)
        assertEquals(1, attempts("failed") - failedBefore);
        assertTrue(attempts("retry") >= MAX_ATTEMPTS - 1);
    }

    private double attempts(String outcome) {
        io.micrometer.core.instrument.Counter counter = server.getApplicationContext()
                .getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("smp.notifications.attempts").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
