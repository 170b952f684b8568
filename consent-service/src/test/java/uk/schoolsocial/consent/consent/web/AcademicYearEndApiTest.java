package uk.schoolsocial.consent.consent.web;

import static org.hamcrest.Matchers.equalTo;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.consent.Scenario;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/** CON-1: a school configured with its own end of year gets consent to that day when none is given. */
@MicronautTest(transactional = false)
class AcademicYearEndApiTest implements AccountEventsDatabaseTest {

    private static final ServiceApi API = new ServiceApi("consent");

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(AccountEventsDatabaseTest.super.getProperties());
        properties.put("smp.consent.academic-year-ends", "other-school=06-30," + TestTokens.SCHOOL + "=07-31");
        return properties;
    }

    @Test
    void con1_consentWithoutAnEndLastsToTheEndOfTheSchoolsYear() {
        Scenario scenario = new Scenario(token -> API.as(server.getPort(), token));
        String pupil = scenario.pupil("Zoë", "Brown");
        API.as(server.getPort(), Scenario.STAFF).body(Map.of("channel", "WEBSITE", "givenBy", "parent-1",
                        "method", "PAPER_FORM", "formReference", "CF-1", "givenOn", "2026-09-04"))
                .post("/api/v1/pupils/" + pupil + "/consents").then().statusCode(201)
                .body("consents[0].validUntil", equalTo("2027-07-31"));
    }
}
