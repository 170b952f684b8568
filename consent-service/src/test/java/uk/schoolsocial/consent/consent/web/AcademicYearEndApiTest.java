package uk.schoolsocial.consent.consent.web;

import static org.hamcrest.Matchers.equalTo;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.consent.Scenario;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/** CON-1: a school configured with its own end of year gets consent to that day when none is given. */
@MicronautTest(transactional = false)
class AcademicYearEndApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("consent");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(AccountEventsDatabaseTest.super.getProperties());
        properties.put("smp.consent.academic-year-ends", "other-school=06-30," + TestTokens.SCHOOL + "=07-31");
        return properties;
    }

    @Test
    void con1_consentWithoutAnEndLastsToTheEndOfTheSchoolsYear() {
        Scenario scenario = new Scenario(token -> API.as(token));
        String pupil = scenario.pupil("Zoë", "Brown");
        API.as(Scenario.STAFF).body(Map.of("channel", "WEBSITE", "givenBy", "parent-1",
                        "method", "PAPER_FORM", "formReference", "CF-1", "givenOn", "2026-09-04"))
                .post("/api/v1/pupils/" + pupil + "/consents").then().statusCode(201)
                .body("consents[0].validUntil", equalTo("2027-07-31"));
    }
}
