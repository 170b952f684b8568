package uk.schoolsocial.account.roster.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.schoolsocial.platform.testing.Bearers.ADMIN;
import static uk.schoolsocial.platform.testing.Bearers.MIS;
import static uk.schoolsocial.platform.testing.Bearers.OTHER_MIS;
import static uk.schoolsocial.platform.testing.Bearers.PARENT;
import static uk.schoolsocial.platform.testing.Bearers.SLT;
import static uk.schoolsocial.platform.testing.Bearers.STAFF;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.DatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/** The staff roster (INT-1) through HTTP, checked against account.yaml. */
@MicronautTest(transactional = false)
class StaffApiTest implements DatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("account");

    private static Map<String, Object> record(String id, String forename, String surname) {
        return Map.of("staffId", id, "forename", forename, "surname", surname);
    }

    @Test
    void int1_theSamePushTwiceAddsNoEvent() throws Exception {
        Map<String, Object> payload = Map.of("records", List.of(record("s-1", "Jane", "Smith"), record("s-2", "Omar", "Khan")));
        API.as(MIS).body(payload).post("/api/v1/staff/sync").then().statusCode(200)
                .body("added", equalTo(2)).body("unchanged", equalTo(0));
        long events = API.events();
        API.as(MIS).body(payload).post("/api/v1/staff/sync").then().statusCode(200)
                .body("added", equalTo(0)).body("unchanged", equalTo(2));
        assertEquals(events, API.events());
        API.as(SLT).get("/api/v1/staff/s-1").then().statusCode(200)
                .body("forename", equalTo("Jane")).body("current", equalTo(true)).body("source", equalTo("MIS"));
    }

    @Test
    void acc7_aMemberMissingFromAPushIsNotALeaverButALeavingDateIs() {
        API.as(MIS).body(Map.of("records", List.of(record("m-1", "Ann", "Lee"), record("m-2", "Bo", "Park"))))
                .post("/api/v1/staff/sync").then().statusCode(200);
        API.as(MIS).body(Map.of("records", List.of(record("m-2", "Bo", "Park"))))
                .post("/api/v1/staff/sync").then().statusCode(200).body("left", equalTo(0));
        API.as(SLT).get("/api/v1/staff/m-1").then().statusCode(200).body("current", equalTo(true));
        API.as(MIS).body(Map.of("records", List.of(Map.of("staffId", "m-1", "forename", "Ann", "surname", "Lee",
                        "leavingDate", "2026-11-19"))))
                .post("/api/v1/staff/sync").then().statusCode(200).body("left", equalTo(1));
        API.as(SLT).get("/api/v1/staff/m-1").then().statusCode(200)
                .body("current", equalTo(false)).body("leavingDate", equalTo("2026-11-19"));
    }

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Map<String, Object> leaving(String id, String forename, String surname, LocalDate date) {
        return Map.of("staffId", id, "forename", forename, "surname", surname, "leavingDate", date.toString());
    }

    /**
     * ACC-7: a leaving date still to come, or today's, is notice: the member stays current (listed as
     * current, still eligible as an administrator) until the date ends. The MIS moves it, or withdraws it
     * by sending the record without one.
     */
    @Test
    void acc7_aLeavingDateStillToComeOrTodayIsNoticeAndTheMemberStaysCurrent() {
        LocalDate today = LocalDate.now(LONDON);
        API.as(MIS).body(Map.of("records", List.of(leaving("n-1", "Nia", "Okafor", today.plusDays(10)),
                        leaving("n-2", "Raj", "Mehta", today))))
                .post("/api/v1/staff/sync").then().statusCode(200).body("added", equalTo(2)).body("left", equalTo(2));
        API.as(SLT).get("/api/v1/staff/n-1").then().statusCode(200)
                .body("current", equalTo(true)).body("leavingDate", equalTo(today.plusDays(10).toString()));
        API.as(SLT).get("/api/v1/staff/n-2").then().statusCode(200)
                .body("current", equalTo(true)).body("leavingDate", equalTo(today.toString()));
        API.as(SLT).queryParam("current", true).queryParam("limit", 100).get("/api/v1/staff").then().statusCode(200)
                .body("items.staffId", hasItem("n-1")).body("items.staffId", hasItem("n-2"));
        API.as(SLT).queryParam("current", false).queryParam("limit", 100).get("/api/v1/staff").then().statusCode(200)
                .body("items.staffId", not(hasItem("n-1")));
        // ACC-1: someone on notice may still be named as an administrator
        API.as(STAFF).body(Map.of("platform", "INSTAGRAM", "proposedName", "Oakfield Choir", "aim", "Concerts",
                        "audience", "Parents", "promotion", "Newsletter", "administrators", List.of("n-1", "n-2"),
                        "privacy", "PRIVATE", "privacyReason", "Followers approved"))
                .post("/api/v1/applications").then().statusCode(201);

        API.as(MIS).body(Map.of("records", List.of(leaving("n-1", "Nia", "Okafor", today.plusDays(30)))))
                .post("/api/v1/staff/sync").then().statusCode(200).body("updated", equalTo(1)).body("left", equalTo(0));
        API.as(SLT).get("/api/v1/staff/n-1").then().body("leavingDate", equalTo(today.plusDays(30).toString()));
        API.as(MIS).body(Map.of("records", List.of(record("n-1", "Nia", "Okafor"))))
                .post("/api/v1/staff/sync").then().statusCode(200).body("updated", equalTo(1));
        API.as(SLT).get("/api/v1/staff/n-1").then().body("current", equalTo(true)).body("leavingDate", nullValue());
    }

    /** ACC-7: once the leaving date has ended the member is no longer current, and a stale MIS record changes nothing. */
    @Test
    void acc7_aMemberWhoseLeavingDateHasEndedIsNotCurrent() {
        LocalDate yesterday = LocalDate.now(LONDON).minusDays(1);
        API.as(MIS).body(Map.of("records", List.of(leaving("p-1", "Pat", "Lowe", yesterday), record("p-2", "Kim", "Cho"))))
                .post("/api/v1/staff/sync").then().statusCode(200);
        API.as(SLT).get("/api/v1/staff/p-1").then().body("current", equalTo(false));
        API.as(MIS).body(Map.of("records", List.of(record("p-1", "Pat", "Lowe"))))
                .post("/api/v1/staff/sync").then().statusCode(200).body("unchanged", equalTo(1));
        API.as(SLT).get("/api/v1/staff/p-1").then().body("current", equalTo(false))
                .body("leavingDate", equalTo(yesterday.toString()));
        API.as(STAFF).body(Map.of("platform", "INSTAGRAM", "proposedName", "Oakfield Art", "aim", "Art",
                        "audience", "Parents", "promotion", "Newsletter", "administrators", List.of("p-1", "p-2"),
                        "privacy", "PRIVATE", "privacyReason", "Followers approved"))
                .post("/api/v1/applications").then().statusCode(422).body("code", equalTo("ROSTER_RULE_BROKEN"));
    }

    @Test
    void int1_sltCorrectsByHandAndRecordsLeavers() {
        API.as(SLT).body(Map.of("forename", "Hana", "surname", "Ito")).put("/api/v1/staff/h-1").then().statusCode(200)
                .body("source", equalTo("HAND")).body("current", equalTo(true));
        API.as(SLT).body(Map.of("forename", "Hana", "surname", "Ito", "leavingDate", "2026-11-30"))
                .put("/api/v1/staff/h-1").then().statusCode(200)
                .body("current", equalTo(false)).body("leavingDate", equalTo("2026-11-30"));
        API.as(SLT).body(Map.of("forename", "Hana", "surname", "Ito")).put("/api/v1/staff/h-1").then().statusCode(200)
                .body("current", equalTo(true)).body("leavingDate", nullValue());
        API.as(MIS).body(Map.of("forename", "X", "surname", "Y")).put("/api/v1/staff/h-1").then().statusCode(403);
    }

    @Test
    void acc1_volunteersAreRegisteredByAdministratorsOrSlt() {
        API.as(ADMIN).body(Map.of("volunteerId", "vol-1", "forename", "Sam", "surname", "Patel"))
                .post("/api/v1/staff/volunteers").then().statusCode(201)
                .header("Location", "/api/v1/staff/vol-1").body("kind", equalTo("VOLUNTEER"));
        API.as(STAFF).body(Map.of("volunteerId", "vol-2", "forename", "A", "surname", "B"))
                .post("/api/v1/staff/volunteers").then().statusCode(403).contentType("application/problem+json");
        API.as(MIS).body(Map.of("records", List.of(record("vol-1", "Sam", "Patel"))))
                .post("/api/v1/staff/sync").then().statusCode(409).body("code", equalTo("ID_TAKEN"));
    }

    @Test
    void int1_badRecordsAreNamedInOneProblem() {
        API.badInput(MIS)
                .body(Map.of("records", List.of(record("d-1", "A", "B"), record("d-1", "A", "B"))))
                .post("/api/v1/staff/sync").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("records[1].staffId"));
        API.badInput(MIS)
                .body(Map.of("records", List.of(Map.of("staffId", "d-2", "forename", " "))))
                .post("/api/v1/staff/sync").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", notNullValue());
    }

    @Test
    void onlyTheMisPushesAndEachSchoolSeesItsOwnRoster() {
        API.as(SLT).body(Map.of("records", List.of(record("o-1", "A", "B")))).post("/api/v1/staff/sync")
                .then().statusCode(403);
        API.as(OTHER_MIS).body(Map.of("records", List.of(record("o-1", "Other", "School")))).post("/api/v1/staff/sync")
                .then().statusCode(200);
        API.as(SLT).get("/api/v1/staff/o-1").then().statusCode(404).contentType("application/problem+json");
        API.as(PARENT).get("/api/v1/staff").then().statusCode(403);
    }

    @Test
    void theRosterIsPagedWithACursor() {
        API.as(MIS).body(Map.of("records", List.of(record("p-1", "A", "One"), record("p-2", "B", "Two"),
                record("p-3", "C", "Three")))).post("/api/v1/staff/sync").then().statusCode(200);
        String school = TestTokens.bearer("slt-p", TestTokens.SCHOOL, "SLT");
        String next = API.as(school).queryParam("limit", 2).get("/api/v1/staff").then().statusCode(200)
                .body("items.size()", equalTo(2)).extract().path("page.nextCursor");
        API.as(school).queryParam("cursor", next).queryParam("limit", 200).get("/api/v1/staff").then().statusCode(200)
                .body("items.staffId", hasItem("p-3"));
        API.as(school).queryParam("kind", "VOLUNTEER").queryParam("current", true).get("/api/v1/staff").then()
                .statusCode(200).body("items.kind", org.hamcrest.Matchers.everyItem(equalTo("VOLUNTEER")));
    }

    /** Issue 18, INT-1: the staff roster as the MIS exports it, with its own headers and UK dates. */
    @Test
    void int1_aCsvExportIsPushedLikeTheJsonRoster() throws Exception {
        String file = "\uFEFFStaff Code,Legal Forename,Legal Surname,Leaving Date\r\n"
                + "csv-1,Zoë,\"Ó Briain, Jr\",\r\n"
                + "csv-2,Omar,Khan,31/08/2025\r\n";
        API.as(MIS).contentType("text/csv; charset=UTF-8").body(file).post("/api/v1/staff/sync.csv").then()
                .statusCode(200).body("added", equalTo(2)).body("left", equalTo(1));
        API.as(SLT).get("/api/v1/staff/csv-1").then().statusCode(200)
                .body("forename", equalTo("Zoë")).body("surname", equalTo("Ó Briain, Jr"));
        API.as(SLT).get("/api/v1/staff/csv-2").then().statusCode(200).body("leavingDate", equalTo("2025-08-31"));
        long events = API.events();
        API.as(MIS).contentType("text/csv; charset=UTF-8").body(file).post("/api/v1/staff/sync.csv").then()
                .statusCode(200).body("unchanged", equalTo(2));
        assertEquals(events, API.events());
    }

    /** Issue 18: every bad cell named by its row; an unknown column refused; nothing recorded. */
    @Test
    void int1_aBadCsvIsRefusedWholeAndNamed() throws Exception {
        long events = API.events();
        API.badInput(MIS).contentType("text/csv; charset=UTF-8")
                .body("staffId,forename,surname,leavingDate\ncsv-9,Ann,Lee,\nbad id!,Bo,,31/02/2027\n")
                .post("/api/v1/staff/sync.csv").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("rows[3].staffId", "rows[3].surname",
                        "rows[3].leavingDate"));
        API.badInput(MIS).contentType("text/csv; charset=UTF-8")
                .body("staffId,forename,surname,Leaving Dat\ncsv-9,Ann,Lee,\n")
                .post("/api/v1/staff/sync.csv").then().statusCode(400).body("errors[0].field", equalTo("header"));
        assertEquals(events, API.events());
        API.as(SLT).get("/api/v1/staff/csv-9").then().statusCode(404);
        API.as(STAFF).contentType("text/csv; charset=UTF-8").body("staffId\nx\n").post("/api/v1/staff/sync.csv").then()
                .statusCode(403);
    }
}
