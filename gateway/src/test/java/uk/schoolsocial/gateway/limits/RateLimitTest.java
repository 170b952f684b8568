package uk.schoolsocial.gateway.limits;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.gateway.TestTokens;

/**
 * Issue 18: the gateway limits requests per caller, per client address and, per address, those
 * without a valid token; a refusal is 429 problem+json with {@code Retry-After}, and every answer to
 * a caller says where they stand ({@code RateLimit}, {@code RateLimit-Policy}). Each test calls from
 * its own address (the client address is the last of {@code X-Forwarded-For}, as behind a proxy).
 */
@MicronautTest
@Property(name = "smp.rate-limit.client-address-header", value = "X-Forwarded-For")
@Property(name = "smp.rate-limit.per-caller", value = "5")
@Property(name = "smp.rate-limit.anonymous", value = "3")
@Property(name = "smp.rate-limit.per-address", value = "12")
@Property(name = "smp.rate-limit.window", value = "1m")
class RateLimitTest {

    @Inject
    EmbeddedServer server;

    private RequestSpecification from(String address) {
        return RestAssured.given().port(server.getPort()).header("X-Forwarded-For", address);
    }

    private String token(String address, String user) {
        return from(address).contentType("application/json").body("{\"user\":\"" + user + "\"}")
                .post("/dev/token").then().statusCode(200).extract().path("access_token");
    }

    @Test
    void aCallerIsRefusedPastTheirLimitAndToldWhenToRetryWhileAnotherCallerGoesOn() {
        // Users no other test of this class calls as: a caller's bucket outlives a test.
        String slt = token("10.0.0.1", "mis");
        String staff = token("10.0.0.2", "parent");
        for (int i = 5; i >= 1; i--) {
            from("10.0.0.1").auth().oauth2(slt).get("/api/v1/nowhere").then()
                    .statusCode(404)
                    .header("RateLimit-Policy", equalTo("\"caller\";q=5;w=60"))
                    .header("RateLimit", containsString("\"caller\";r=" + (i - 1) + ";t="));
        }
        from("10.0.0.3").auth().oauth2(slt).get("/api/v1/nowhere").then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("TOO_MANY_REQUESTS"))
                .body("type", equalTo("https://schoolsocial.uk/problems/too-many-requests"))
                .body("detail", containsString("from this caller"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit", equalTo("\"caller\";r=0;t=60"))
                .header("X-Correlation-Id", matchesPattern(".+"));
        from("10.0.0.2").auth().oauth2(staff).get("/api/v1/nowhere").then().statusCode(404);
    }

    @Test
    void badTokensAndTokenRequestsFromOneAddressAreRefusedPastTheAnonymousLimit() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(from("10.0.1.1").auth().oauth2("not-a-token").get("/api/v1/accounts").then()
                    .extract().statusCode());
        }
        assertEquals(List.of(401, 401, 401, 429, 429), statuses);
        from("10.0.1.1").contentType("application/json").body("{\"user\":\"slt\"}").post("/dev/token").then()
                .statusCode(429)
                .body("detail", containsString("without a valid token"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        token("10.0.1.2", "slt"); // another address is not held back
    }

    @Test
    void aClientCannotPickItsAddressBeforeTheProxysOne() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // The proxy appends the real address; what the client wrote before it is not believed.
            statuses.add(RestAssured.given().port(server.getPort()).header("X-Forwarded-For", "192.0.2." + i + ", 10.0.3.1")
                    .auth().oauth2("not-a-token").get("/api/v1/accounts").then().extract().statusCode());
        }
        assertEquals(List.of(401, 401, 401, 429, 429), statuses);
    }

    @Test
    void oneAddressIsRefusedPastItsLimitWhoeverCalls() {
        String[] users = {"slt", "staff", "dsl", "auditor"};
        List<String> tokens = new ArrayList<>();
        for (String user : users) {
            tokens.add(token("10.0.2." + tokens.size(), user));
        }
        int ok = 0;
        int refused = 0;
        for (int i = 0; i < 16; i++) {
            int status = from("10.0.2.9").auth().oauth2(tokens.get(i % 4)).get("/api/v1/nowhere").then()
                    .extract().statusCode();
            if (status == 404) {
                ok++;
            } else if (status == 429) {
                refused++;
            }
        }
        assertEquals(12, ok, "the address limit, though no caller reached theirs");
        assertEquals(4, refused);
    }
}
