package uk.schoolsocial.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.e2e.contract.ContractCheck;
import uk.schoolsocial.e2e.contract.ContractOperation;
import uk.schoolsocial.e2e.contract.DocumentedErrors;
import uk.schoolsocial.e2e.contract.Findings;
import uk.schoolsocial.e2e.contract.GeneratedRequest;
import uk.schoolsocial.e2e.contract.IdPools;
import uk.schoolsocial.e2e.contract.RequestGenerator;
import uk.schoolsocial.launcher.Suite;

/**
 * Issue 11, bad input never stored: requests generated from the merged contract the gateway serves
 * ({@code /openapi/suite.yaml}), for every operation, sent through the gateway with the demo token
 * of a role the operation allows. Seeded and bounded: {@code -Dsmp.fuzz.seed} (default 11),
 * {@code -Dsmp.fuzz.cases} per operation (default 20), {@code -Dsmp.fuzz.operations} to run only
 * some operations by id. Any 5xx, undocumented status, error that is not problem+json, answer that
 * breaks its schema, or 2xx to a request the contract refuses fails the test; the grouped report
 * is also written to {@code target/generated-requests-report.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedRequestsE2E {

    @RegisterExtension
    static final SuiteApi SUITE = SuiteApi.launched("generated-requests", 18580);

    private static final long SEED = Long.getLong("smp.fuzz.seed", 11L);
    private static final int CASES = Integer.getInteger("smp.fuzz.cases", 20);
    private static final Set<String> ONLY = Arrays.stream(System.getProperty("smp.fuzz.operations", "").split(","))
            .map(String::trim).filter(id -> !id.isEmpty()).collect(Collectors.toSet());

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final IdPools ids = new IdPools();
    private final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    void takeTokensAndMakeRecords() {
        for (String user : Suite.DEMO_USERS) {
            tokens.put(user, SUITE.token(user));
        }
        recordsToAimAt();
    }

    @Test
    void everyOperationAnswersGeneratedBadInputAsItsContractSays() throws IOException {
        String contract = SUITE.request().get("/openapi/suite.yaml").then()
                .statusCode(200).extract().asString();
        List<ContractOperation> operations = ContractOperation.of(contract).stream()
                .filter(operation -> ONLY.isEmpty() || ONLY.contains(operation.id())).toList();
        assertTrue(ONLY.isEmpty() ? operations.size() >= 80 : !operations.isEmpty(),
                "operations in the merged contract: " + operations.size());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "suite.yaml"), contract, StandardCharsets.UTF_8);
        ContractCheck check = new ContractCheck(contract);
        Findings findings = new Findings();
        Instant began = Instant.now();
        int sent = 0;
        int unsendable = 0;
        long sending = 0;
        TreeMap<Long, String> slowest = new TreeMap<>();
        for (ContractOperation operation : operations) {
            RequestGenerator generator = new RequestGenerator(operation, SEED, ids);
            for (int i = 0; i < CASES; i++) {
                GeneratedRequest request = generator.next(i);
                long start = System.nanoTime();
                ContractCheck.Answer answer = send(request);
                long elapsed = System.nanoTime() - start;
                if (answer == null) {
                    unsendable++;
                    continue;
                }
                sent++;
                sending += elapsed;
                slowest.put(elapsed, operation.id() + " " + request.label());
                if (slowest.size() > 5) {
                    slowest.pollFirstEntry();
                }
                findings.add(check.check(operation, request, answer));
                learnFrom(answer);
            }
        }
        Duration took = Duration.between(began, Instant.now());
        String reproduce = "./mvnw -pl e2e-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dit.test=GeneratedRequestsE2E -Dsmp.fuzz.seed=" + SEED
                + " -Dsmp.fuzz.cases=" + CASES + (ONLY.isEmpty() ? " [-Dsmp.fuzz.operations=<operationId>,...]"
                : " -Dsmp.fuzz.operations=" + String.join(",", ONLY));
        String heading = "Generated requests against the merged contract: seed " + SEED + ", " + CASES
                + " cases for each of " + operations.size() + " operations.\nReproduce: " + reproduce
                + "\nRecords aimed at: " + ids + "\nNot sendable by java.net.http (header values it refuses): " + unsendable
                + "\nWaiting for answers: " + sending / 1_000_000_000 + "s; slowest: " + slowest.descendingMap().entrySet()
                .stream().map(e -> e.getValue() + " " + e.getKey() / 1_000_000 + "ms").collect(Collectors.joining("; "));
        String report = findings.report(heading, took, sent);
        Path file = Path.of("target", "generated-requests-report.txt");
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println(report);
        assertTrue(findings.isEmpty(), () -> "The suite broke its contract on generated input (seed " + SEED
                + "); every group with a request that shows it is in " + file.toAbsolutePath() + "\nReproduce: "
                + reproduce + "\n" + findings.summary());
    }

    /**
     * Issue 18, one error contract: every documented error status of every operation of the merged
     * contract that any operation can be brought to give (400, 401, 403, 404, 413, 415) is given, as
     * problem+json with a stable {@code code}; the statuses a record's state or a rule gives (409,
     * 412, 422) are the services' own tests'; a documented status in neither set fails the walk.
     */
    @Test
    void everyDocumentedErrorStatusIsGivenAsProblemJsonWithACode() throws IOException {
        String contract = SUITE.request().get("/openapi/suite.yaml").then()
                .statusCode(200).extract().asString();
        List<String> failures = new java.util.ArrayList<>();
        Map<Integer, Integer> walked = new TreeMap<>();
        for (ContractOperation operation : ContractOperation.of(contract)) {
            List<DocumentedErrors.Case> cases = DocumentedErrors.of(operation, ids, SEED);
            Set<Integer> unwalked = DocumentedErrors.unwalked(operation, cases);
            if (!unwalked.isEmpty()) {
                failures.add(operation.id() + " documents " + unwalked + ", which neither this walk nor the"
                        + " services' rule tests give");
            }
            for (DocumentedErrors.Case walk : cases) {
                GeneratedRequest sent = null;
                ContractCheck.Answer answer = null;
                for (GeneratedRequest attempt : walk.tries()) {
                    sent = attempt;
                    answer = send(attempt);
                    if (answer == null || walk.status() == 403 || answer.status() != 403) {
                        break;
                    }
                }
                String problem = answer == null ? "not sendable" : problem(walk.status(), answer);
                if (problem != null) {
                    failures.add(operation.id() + " " + walk.label() + ": " + problem + "\n    " + sent.describe(200));
                }
                walked.merge(walk.status(), 1, Integer::sum);
            }
        }
        String report = "Documented error statuses walked: " + walked + "\n" + String.join("\n", failures);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "documented-errors-report.txt"), report, StandardCharsets.UTF_8);
        assertTrue(failures.isEmpty(), report);
        assertTrue(walked.getOrDefault(401, 0) >= 80 && walked.getOrDefault(404, 0) >= 30, report);
    }

    /** @return why the answer is not the documented error, or null when it is */
    private String problem(int expected, ContractCheck.Answer answer) {
        if (answer.status() != expected) {
            return "answered " + answer.status() + ", not " + expected + ": " + GeneratedRequest.shorten(
                    String.valueOf(answer.body()), 300);
        }
        String type = answer.headers().getOrDefault("content-type", List.of("")).get(0);
        if (!type.startsWith("application/problem+json")) {
            return "answered " + type + ", not application/problem+json";
        }
        try {
            JsonNode body = json.readTree(answer.body());
            if (!body.path("code").isTextual() || body.path("code").asText().isBlank()
                    || body.path("status").asInt() != expected) {
                return "a problem without a code or with another status: " + answer.body();
            }
        } catch (IOException e) {
            return "a problem that is not JSON: " + answer.body();
        }
        return null;
    }

    /** @return what came back, or null for a request java.net.http will not send (a header value it refuses) */
    private ContractCheck.Answer send(GeneratedRequest request) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(SUITE.gatewayUrl().toString().replaceAll("/$", "")
                    + request.pathAndQuery())).timeout(Duration.ofSeconds(30));
            if (request.user() != null) {
                builder.header("Authorization", "Bearer " + tokens.get(request.user()));
            }
            request.headers().forEach(builder::header);
        } catch (IllegalArgumentException e) {
            // java.net.http refuses some header values outright; such a request cannot reach the suite either
            return null;
        }
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ContractCheck.Answer(response.statusCode(), response.headers().map(), response.body(), null);
        } catch (IOException e) {
            return new ContractCheck.Answer(0, Map.of(), "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void learnFrom(ContractCheck.Answer answer) {
        if (answer.status() < 200 || answer.status() >= 300) {
            return;
        }
        JsonNode body = null;
        try {
            body = answer.body() == null || answer.body().isEmpty() ? null : json.readTree(answer.body());
        } catch (IOException e) {
            // not JSON (a CSV sheet, an evidence file): nothing to learn
        }
        ids.learn(answer.headers().getOrDefault("location", List.of()).stream().findFirst().orElse(null), body);
    }

    private RequestSpecification as(String user) {
        return SUITE.request().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + tokens.get(user));
    }

    /** One record of most kinds, so generated ids and paths reach real records and not only 404s. */
    private void recordsToAimAt() {
        as("mis").body(Map.of("records", List.of(
                        Map.of("staffId", "demo-staff", "forename", "Sam", "surname", "Taylor"),
                        Map.of("staffId", "demo-dsl", "forename", "Dee", "surname", "Lewis"),
                        Map.of("staffId", "demo-admin", "forename", "Alex", "surname", "Morgan"),
                        Map.of("staffId", "staff-1", "forename", "Jane", "surname", "Smith"),
                        Map.of("staffId", "staff-2", "forename", "Omar", "surname", "Khan"))))
                .post("/api/v1/staff/sync").then().statusCode(200);
        List.of("demo-staff", "demo-dsl", "demo-admin", "staff-1", "staff-2").forEach(id -> ids.add("staff", id));
        ids.add("parent", "demo-parent");
        List.of("account", "incident", "consent").forEach(service -> ids.add("service", service));

        Map<String, Object> businessCase = Map.of("platform", "INSTAGRAM", "proposedName", "Oakfield PE",
                "aim", "Fixtures and results", "audience", "Parents", "promotion", "Newsletter",
                "administrators", List.of("demo-dsl", "demo-admin"), "privacy", "PRIVATE", "privacyReason", "Followers approved");
        ids.add("application", as("staff").body(businessCase).post("/api/v1/applications").then().statusCode(201)
                .extract().path("id"));
        String approved = as("staff").body(businessCase).post("/api/v1/applications").then().statusCode(201)
                .extract().path("id");
        ids.add("application", approved);
        as("slt").body(Map.of("reason", "Clear aim")).post("/api/v1/applications/" + approved + "/approval").then()
                .statusCode(200);
        ids.add("account", as("admin").body(Map.of("applicationId", approved, "handle", "oakfield_pe",
                        "displayName", "Oakfield PE", "whoMayPost", List.of("demo-dsl", "demo-admin"),
                        "followersApproved", true, "taggingOff", true, "aupLink", "https://oakfield.sch.uk/aup"))
                .post("/api/v1/accounts").then().statusCode(201).extract().path("id"));

        String incident = as("staff").body(Map.of("category", "DEFAMATORY_OR_OFFENSIVE_CONTENT",
                        "whatHappened", "A parent posted that a named teacher lies to pupils.",
                        "occurredAt", Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(),
                        "platform", "Facebook", "location", "https://facebook.com/groups/parents/posts/7",
                        "officialAccountInvolved", false, "peopleInvolved", List.of(Map.of("role", "PARENT"))))
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        ids.add("incident", incident);
        as("slt").body(Map.of("severity", "MEDIUM", "safeguarding", false, "possiblyIllegal", false,
                        "posterType", "THIRD_PARTY", "route", "PLATFORM", "notes", "On a parents' group"))
                .post("/api/v1/incidents/" + incident + "/assessment").then().statusCode(200);
        ids.add("takedown", as("slt").body(Map.of("addressee", "PLATFORM", "addressedTo", "Facebook", "reference", "FB-1"))
                .post("/api/v1/incidents/" + incident + "/takedowns").then().statusCode(201).extract().path("takedowns[0].id"));

        String pupil = "fuzz-pupil-1";
        as("mis").body(Map.of("records", List.of(Map.of("pupilId", pupil, "forename", "Amara", "surname", "Osei",
                        "yearGroup", "Year 4", "dateOfBirth", "2017-05-02", "parentalResponsibility", List.of("demo-parent")))))
                .post("/api/v1/pupils/roster").then().statusCode(200);
        ids.add("pupil", pupil);
        as("parent").body(Map.of("channel", "WEBSITE", "givenBy", "demo-parent", "method", "SIGNED_ONLINE",
                        "givenOn", LocalDate.now().toString()))
                .post("/api/v1/pupils/" + pupil + "/consents").then().statusCode(201);
        Map<String, Object> content = Map.of("channel", "WEBSITE", "pupilIds", List.of(pupil),
                "caption", "Year 4 built a rain gauge", "altText", "Pupils from behind in the garden");
        String check = as("staff").body(content).post("/api/v1/consents/checks").then().statusCode(200).extract().path("checkId");
        ids.add("check", check);
        Map<String, Object> registration = new HashMap<>(content);
        registration.putAll(Map.of("checkId", check, "link", "https://demo-school.example/news/rain-gauge",
                "publishedOn", LocalDate.now().toString()));
        ids.add("publication", as("staff").body(registration).post("/api/v1/consents/publications").then()
                .statusCode(201).extract().path("id"));
    }
}
