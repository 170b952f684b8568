package uk.schoolsocial.consent;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import uk.schoolsocial.platform.testing.Bearers;

/** Puts pupils on the roster and records their consent through the API, as the MIS and staff would. */
public final class Scenario {

    public static final String MIS = Bearers.MIS;
    public static final String STAFF = Bearers.STAFF;
    private final Function<String, RequestSpecification> api;

    /** @param api a request as the given bearer, checked against consent.yaml */
    public Scenario(Function<String, RequestSpecification> api) {
        this.api = api;
    }

    /** A new pupil with that name on the roster, parent-1 holding parental responsibility; returns the pupil id. */
    public String pupil(String givenName, String familyName) {
        String id = "pupil-" + UUID.randomUUID();
        api.apply(MIS).body(Map.of("records", List.of(Map.of("pupilId", id, "forename", givenName,
                        "surname", familyName, "yearGroup", "Year 5", "dateOfBirth", "2016-03-14",
                        "parentalResponsibility", List.of("parent-1")))))
                .post("/api/v1/pupils/roster").then().statusCode(200).body("added", equalTo(1));
        return id;
    }

    /** Staff record parent-1's paper form for the channel. */
    public void consent(String pupilId, String channel) {
        api.apply(STAFF).body(Map.of("channel", channel, "givenBy", "parent-1", "method", "PAPER_FORM",
                        "formReference", "CF-1", "givenOn", "2026-01-05", "validUntil", "2099-08-31"))
                .post("/api/v1/pupils/" + pupilId + "/consents").then().statusCode(201);
    }
}
