package uk.schoolsocial.consent.publication.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.schoolsocial.platform.testing.Bearers.PARENT;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.consent.Scenario;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * Issue 12, CON-3: a withdrawal that opens a takedown e-mails the school's account administrators
 * through a real SMTP server (GreenMail), with the cause, the channel and a link only.
 */
@MicronautTest(transactional = false)
class TakedownMailApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("consent");
    private static final String ADMIN_MAILBOX = "accounts@school.example";

    private final GreenMail smtp = startSmtp();

    private static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        return mail;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(AccountEventsDatabaseTest.super.getProperties());
        properties.put("smp.notifications.smtp-host", "127.0.0.1");
        properties.put("smp.notifications.smtp-port", String.valueOf(smtp.getSmtp().getPort()));
        properties.put("smp.notifications.interval", "200ms");
        properties.put("smp.notifications.link-base", "https://suite.example");
        properties.put("smp.notifications.recipients", TestTokens.SCHOOL + "/ACCOUNT_ADMIN=" + ADMIN_MAILBOX);
        return properties;
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void con3_aWithdrawalThatOpensATakedownEmailsTheAccountAdministrators() throws Exception {
        String pupil = new Scenario(API::as).pupil("Dan", "Frost");
        new Scenario(API::as).consent(pupil, "WEBSITE");
        Map<String, Object> content = new HashMap<>(Map.of("channel", "WEBSITE", "pupilIds", List.of(pupil),
                "caption", "Harvest festival", "altText", "A class singing"));
        String checkId = API.as(Scenario.STAFF).body(content).post("/api/v1/consents/checks").then().statusCode(200)
                .body("allowed", equalTo(true)).extract().path("checkId");
        Map<String, Object> registration = new HashMap<>(content);
        registration.put("checkId", checkId);
        registration.put("link", "https://oakfield.sch.uk/news/harvest");
        registration.put("publishedOn", "2026-10-01");
        API.as(Scenario.STAFF).body(registration).post("/api/v1/consents/publications").then().statusCode(201);
        assertEquals(0, smtp.getReceivedMessages().length, "registering opens no takedown");

        API.as(PARENT).body(Map.of("withdrawnBy", "parent-1"))
                .post("/api/v1/pupils/" + pupil + "/consents/WEBSITE/withdrawal").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals(ADMIN_MAILBOX, mail.getAllRecipients()[0].toString());
        assertEquals("Take down a publication (website): consent withdrawn", mail.getSubject());
        String body = GreenMailUtil.getBody(mail);
        assertTrue(body.contains("https://suite.example/api/v1/consents/takedowns"), body);
        assertFalse(body.contains(pupil) || body.contains("Frost") || body.contains("Harvest"), body);
    }
}
