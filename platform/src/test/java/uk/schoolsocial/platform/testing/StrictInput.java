package uk.schoolsocial.platform.testing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every service's tests of issue 11 ("bad input is refused clearly, never stored, never a
 * 5xx") check alike: the bodies that are no JSON object, the shape of a refusal, and that two
 * refusals are the same answer.
 */
public final class StrictInput {

    /** Bodies that are JSON, but not the object every operation takes. */
    public static final List<String> NOT_AN_OBJECT = List.of("false", "true", "42", "-1.5", "\"text\"", "[1, 2]",
            "[]", "[{}]", "null");

    /** Every role, so that no operation answers 403 before it reads the body. */
    public static final String[] EVERY_ROLE = {"STAFF", "SLT", "DSL", "ACCOUNT_ADMIN", "PARENT", "AUDITOR",
            "INTEGRATION"};

    private StrictInput() {
    }

    /**
     * A 400 problem naming {@code field} (empty for the body itself), whose message says nothing of
     * Java, Jackson or Micronaut.
     */
    public static ValidatableResponse refused(Response response, String field) {
        return response.then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(field))
                .body("detail", not(containsString("uk.schoolsocial")))
                .body("detail", not(containsString("java.")))
                .body("detail", not(containsString("com.fasterxml")))
                .body("detail", not(containsString("Jackson")))
                .body("detail", not(containsString("Source:")))
                .body("detail", not(containsString("`")))
                .body("detail", not(containsString("[request]")));
    }

    /** The answer without {@code instance}, which names the path asked: what a prober compares. */
    public static Map<String, Object> answer(Response response) {
        Map<String, Object> body = new HashMap<>(response.then().extract().jsonPath().getMap(""));
        body.remove("instance");
        body.put("httpStatus", response.statusCode());
        return body;
    }

    /** Two answers a caller cannot tell apart. */
    public static void sameAnswer(Response expected, Response actual, String what) {
        assertEquals(answer(expected), answer(actual), what);
    }
}
