package uk.schoolsocial.incident.oversight.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.incident.report.web.HandlingApiTestAccess;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/** INC-2 notifications and the governors' counts through the real stack, checked against incident.yaml. */
@MicronautTest(transactional = false)
class OversightApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("incident");

    private String report(String token, String category, String role) {
        Map<String, Object> body = new java.util.HashMap<>(HandlingApiTestAccess.report(category, role));
        body.put("whatHappened", "Jane Doe in year 9 was sent messages by John Smith.");
        String location = API.as(token).body(body).post("/api/v1/incidents").then().statusCode(201)
                .extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void inc2_aNewReportNotifiesItsAssigneeWithCategoryAndLinkOnly() {
        String school = "school-" + UUID.randomUUID();
        String staff = TestTokens.bearer("staff-a", school, "STAFF");
        String toDsl = report(staff, "PUPIL_CONTACT_WITH_STAFF", "PUPIL");
        String toSlt = report(staff, "COPYRIGHT", "THIRD_PARTY");
        API.as(TestTokens.bearer("dsl-a", school, "DSL")).get("/api/v1/incidents/notifications").then().statusCode(200)
                .body("items.incidentId", contains(toDsl))
                .body("items[0].recipientRole", equalTo("DSL"))
                .body("items[0].kind", equalTo("REPORTED"))
                .body("items[0].text", equalTo("New incident to handle: pupil contact with staff incident"))
                .body("items[0].link", equalTo("/api/v1/incidents/" + toDsl))
                .body("items.text", everyItem(not(containsString("Jane"))));
        API.as(TestTokens.bearer("slt-a", school, "SLT")).get("/api/v1/incidents/notifications").then().statusCode(200)
                .body("items.incidentId", contains(toSlt));
        API.as(staff).get("/api/v1/incidents/notifications").then().statusCode(403);
    }

    @Test
    void anUnknownQueryParameterIsRefusedNotIgnored() {
        String school = "school-" + UUID.randomUUID();
        // issue 12: updated_after used to be ignored, answering everything as if it were a delta
        API.as(TestTokens.bearer("dsl-a", school, "DSL")).queryParam("updated_after", "2026-01-01T00:00:00Z")
                .queryParam("limit", 5).get("/api/v1/incidents/notifications").then().statusCode(400)
                .body("code", equalTo("UNKNOWN_PARAMETER"))
                .body("errors.field", contains("updated_after"))
                .body("detail", containsString("only limit"));
        API.as(TestTokens.bearer("dsl-a", school, "DSL")).queryParam("limit", 5)
                .get("/api/v1/incidents/notifications").then().statusCode(200);
    }

    @Test
    void governorsCountIncidentsByMonthAndCategory() {
        String school = "school-" + UUID.randomUUID();
        String staff = TestTokens.bearer("staff-a", school, "STAFF");
        report(staff, "COPYRIGHT", "THIRD_PARTY");
        report(staff, "COPYRIGHT", "PARENT");
        report(staff, "OTHER", "UNKNOWN");
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        String from = YearMonth.now(ZoneOffset.UTC).minusMonths(2).toString();
        API.as(TestTokens.bearer("gov-a", school, "AUDITOR")).queryParam("from", from).queryParam("to", month)
                .get("/api/v1/incidents/counts").then().statusCode(200)
                .body("items.category", contains("COPYRIGHT", "OTHER"))
                .body("items.incidents", contains(2, 1))
                .body("items.month", everyItem(equalTo(month)));
        API.as(TestTokens.bearer("gov-a", school, "AUDITOR")).queryParam("from", from).queryParam("to", from)
                .get("/api/v1/incidents/counts").then().statusCode(200).body("items", empty());
        API.badInput(TestTokens.bearer("slt-a", school, "SLT"))
                .queryParam("from", month).queryParam("to", from)
                .get("/api/v1/incidents/counts").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("to"));
        API.badInput(TestTokens.bearer("slt-a", school, "SLT"))
                .queryParam("from", "2026-13").queryParam("to", month)
                .get("/api/v1/incidents/counts").then().statusCode(400).contentType("application/problem+json");
        API.as(staff).queryParam("from", from).queryParam("to", month).get("/api/v1/incidents/counts").then()
                .statusCode(403);
    }
}
