package uk.schoolsocial.consent;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.schoolsocial.platform.testing.Bearers.MIS;
import static uk.schoolsocial.platform.testing.Bearers.OTHER_PARENT;
import static uk.schoolsocial.platform.testing.Bearers.PARENT;
import static uk.schoolsocial.platform.testing.Bearers.STAFF;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.StrictInput;

/**
 * Issue 11, consent-service (CON-1): to a parent, another family's pupil is a pupil that does not
 * exist, with the same answer, so that pupil ids cannot be probed; CON-1 still holds (a parent gives
 * consent for their own child, staff naming an unlinked adult are refused). Through HTTP, answers
 * checked against consent.yaml.
 */
@MicronautTest(transactional = false)
class RecordsYouMayNotSeeApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("consent");

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    /** A pupil on the roster whose one adult with parental responsibility is parent-1. */
    private String newPupil() {
        String id = "pupil-" + UUID.randomUUID();
        API.as(MIS).body(Map.of("records", List.of(Map.of("pupilId", id, "forename", "Zoë", "surname", "Brown",
                "yearGroup", "Year 5", "dateOfBirth", "2016-03-14", "parentalResponsibility", List.of("parent-1")))))
                .post("/api/v1/pupils/roster").then().statusCode(200);
        return id;
    }

    private static Map<String, Object> consent(String givenBy, Object givenOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "WEBSITE");
        body.put("givenBy", givenBy);
        body.put("method", "SIGNED_ONLINE");
        body.put("givenOn", givenOn);
        return body;
    }

    /**
     * CON-1, issue 11: a parent got 422 for another family's pupil but 404 for an unknown id, so pupil ids
     * could be probed. Now both get one answer, for consent and for withdrawal, whatever the body says;
     * the pupil's own parent still gives consent, and staff naming an unlinked adult still get 422.
     */
    @Test
    void con1_issue11_anotherFamilysPupilAndAnUnknownPupilGetTheSameAnswer() throws Exception {
        String pupil = newPupil();
        String unknown = "pupil-" + UUID.randomUUID();
        long before = API.events();
        for (Map<String, Object> body : List.of(consent("parent-2", today().toString()),
                consent("parent-1", today().toString()), consent("parent-2", today().plusYears(1).toString()))) {
            StrictInput.sameAnswer(API.badInput(OTHER_PARENT).body(body).post("/api/v1/pupils/" + unknown + "/consents"),
                    API.badInput(OTHER_PARENT).body(body).post("/api/v1/pupils/" + pupil + "/consents"), "consent " + body);
        }
        for (String adult : List.of("parent-2", "parent-1")) {
            StrictInput.sameAnswer(
                    API.badInput(OTHER_PARENT).body(Map.of("withdrawnBy", adult)).post("/api/v1/pupils/" + unknown
                            + "/consents/WEBSITE/withdrawal"),
                    API.badInput(OTHER_PARENT).body(Map.of("withdrawnBy", adult)).post("/api/v1/pupils/" + pupil
                            + "/consents/WEBSITE/withdrawal"), "withdrawal by " + adult);
        }
        API.badInput(OTHER_PARENT).body(consent("parent-2", today().toString())).post("/api/v1/pupils/" + pupil + "/consents")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Map<String, Object> forUnlinked = consent("childminder-7", today().toString());
        API.badInput(STAFF).body(forUnlinked).post("/api/v1/pupils/" + pupil + "/consents").then().statusCode(422)
                .body("code", equalTo("NO_PARENTAL_RESPONSIBILITY"));
        assertEquals(before, API.events(), "nothing refused is stored");
        API.as(PARENT).body(consent("parent-1", today().toString())).post("/api/v1/pupils/" + pupil + "/consents")
                .then().statusCode(201);
    }
}
