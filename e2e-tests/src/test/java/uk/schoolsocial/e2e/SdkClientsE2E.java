package uk.schoolsocial.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.client.ApiClient;
import uk.schoolsocial.client.ApiException;
import uk.schoolsocial.client.ApiResponse;
import uk.schoolsocial.client.api.ApplicationsApi;
import uk.schoolsocial.client.api.StaffApi;
import uk.schoolsocial.client.model.AccountApplication;
import uk.schoolsocial.client.model.ApplicationStatus;
import uk.schoolsocial.client.model.DecisionRequest;
import uk.schoolsocial.client.model.FieldError;
import uk.schoolsocial.client.model.Platform;
import uk.schoolsocial.client.model.Privacy;
import uk.schoolsocial.client.model.Problem;
import uk.schoolsocial.client.model.StaffRecord;
import uk.schoolsocial.client.model.StaffRosterSync;
import uk.schoolsocial.client.model.SubmitApplicationRequest;

/**
 * Issue 18: the clients generated from the contracts (module {@code sdks}) work against the
 * launched suite as an integrator would use them: the Java client in this JVM, and the TypeScript
 * client through a program compiled against its packed npm tarball, run with node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkClientsE2E {

    private static final Path TYPESCRIPT_PROGRAM = Path.of(System.getProperty("smp.home", ".."))
            .resolve("sdks/typescript/target/example/dist/flow.js");

    @RegisterExtension
    static final SuiteApi SUITE = SuiteApi.launched("sdk-clients", 18780);

    /** The README's way: the gateway's URL and a bearer token on every request. */
    private ApiClient clientAs(String user) {
        String token = SUITE.token(user);
        ApiClient client = new ApiClient();
        client.updateBaseUri(SUITE.gatewayUrl().toString().replaceAll("/+$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static SubmitApplicationRequest businessCase() {
        return new SubmitApplicationRequest().platform(Platform.FACEBOOK).proposedName("Oakfield Year 6 News")
                .aim("Celebrate pupils' work").audience("Year 6 parents").promotion("Newsletter")
                .administrators(Set.of("sdk-staff-1", "sdk-staff-2")).privacy(Privacy.PRIVATE)
                .privacyReason("Approved parents only");
    }

    @Test
    void javaClient_acc1_anApplicationIsSubmittedReadBackAndApproved_andErrorsAreProblems() throws ApiException {
        // ACC-1: administrators must be on the staff roster the MIS pushes (INT-1)
        new StaffApi(clientAs("mis")).syncStaffRoster(new StaffRosterSync().records(List.of(
                new StaffRecord().staffId("sdk-staff-1").forename("Jane").surname("Smith"),
                new StaffRecord().staffId("sdk-staff-2").forename("Omar").surname("Khan"))), null, null);
        ApplicationsApi staff = new ApplicationsApi(clientAs("staff"));
        String key = UUID.randomUUID().toString();

        AccountApplication submitted = staff.submitApplication(businessCase(), key, null);
        AccountApplication retried = staff.submitApplication(businessCase(), key, null);
        ApiResponse<AccountApplication> read = staff.getApplicationWithHttpInfo(submitted.getId());

        assertEquals(ApplicationStatus.SUBMITTED, submitted.getStatus());
        assertEquals(submitted.getId(), retried.getId(), "the same Idempotency-Key replays the first answer");
        assertEquals("Oakfield Year 6 News", read.getData().getProposedName());
        // ACC-2: the SLT approves the version it read (If-Match: the ETag of the read)
        String etag = read.getHeaders().get("etag").get(0);
        AccountApplication approved = new ApplicationsApi(clientAs("slt")).approveApplication(submitted.getId(),
                new DecisionRequest().reason("Clear aim, two administrators"), UUID.randomUUID().toString(), etag, null);
        assertEquals(ApplicationStatus.APPROVED, approved.getStatus());

        ApiException forbidden = assertThrows(ApiException.class,
                () -> new ApplicationsApi(clientAs("parent")).submitApplication(businessCase(), null, null));
        assertEquals(403, forbidden.getCode());
        assertEquals("FORBIDDEN", problem(forbidden).getCode());

        ApiException incomplete = assertThrows(ApiException.class,
                () -> staff.submitApplication(businessCase().aim(null), null, null));
        assertEquals(400, incomplete.getCode());
        assertEquals("VALIDATION_FAILED", problem(incomplete).getCode());
        assertEquals(List.of("aim"), problem(incomplete).getErrors().stream().map(FieldError::getField).toList());
    }

    private static Problem problem(ApiException error) {
        assertTrue(error.getResponseHeaders().firstValue("content-type").orElse("").startsWith("application/problem+json"),
                "an error is application/problem+json");
        try {
            return new ApiClient().getObjectMapper().readValue(error.getResponseBody(), Problem.class);
        } catch (IOException e) {
            throw new AssertionError("not a problem: " + error.getResponseBody(), e);
        }
    }

    /** INC-1, INC-2, INC-7 by the TypeScript program (sdks/typescript/src/example/flow.ts). */
    @Test
    void typescriptClient_theExampleProgramReportsAnIncidentAndReadsItBackAgainstTheSuite() throws Exception {
        assumeTrue(nodeIsInstalled(), "node is not installed: the TypeScript client is not built here");
        assertTrue(Files.isRegularFile(TYPESCRIPT_PROGRAM), TYPESCRIPT_PROGRAM
                + " is missing: build sdks/typescript where npm is installed (./mvnw package -pl sdks/typescript -am)");
        ProcessBuilder builder = new ProcessBuilder("node", TYPESCRIPT_PROGRAM.toString()).redirectErrorStream(true);
        builder.environment().put("SCHOOL_SOCIAL_URL", SUITE.gatewayUrl().toString().replaceAll("/+$", ""));
        builder.environment().put("STAFF_TOKEN", SUITE.token("staff"));
        builder.environment().put("DSL_TOKEN", SUITE.token("dsl"));
        Process program = builder.start();

        assertTrue(program.waitFor(60, TimeUnit.SECONDS), "the program did not finish within 60 s");
        String output = new String(program.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, program.exitValue(), output);
        assertTrue(output.contains("reporter sees STATUS_ONLY"), output);
        assertTrue(output.contains("dsl sees CASE_FILE assigned to DSL"), output);
        assertTrue(output.contains("unknown incident: 404 NOT_FOUND"), output);
        assertTrue(output.strip().endsWith("OK"), output);
    }

    private static boolean nodeIsInstalled() {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
