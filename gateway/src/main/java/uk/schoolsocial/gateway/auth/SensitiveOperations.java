package uk.schoolsocial.gateway.auth;

import io.micronaut.http.HttpMethod;
import uk.schoolsocial.platform.identity.Role;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operations a school may require a multi-factor sign-in for (issue 18), as the contracts route
 * them: reading an incident's case file (a list or one, its history) or its evidence, revealing an
 * official account's login details (ACC-6), and exporting a subject's data (AUD-4). The gateway
 * cannot tell a safeguarding incident from another without reading it, so every case file is
 * gated: the view DSL and SLT get (INC-7); a reporter's status view is not.
 */
final class SensitiveOperations {

    /** {@code /api/v1/incidents/<segment>} paths that are collections, not an incident. */
    private static final String NOT_AN_INCIDENT = "(?!(?:notifications|counts|takedowns|takedown-periods)$)[^/]+";
    private static final Set<Role> CASE_FILE_READERS = Set.of(Role.SLT, Role.DSL);
    private static final Set<Role> ANYONE = Set.of();

    /**
     * One gated operation.
     *
     * @param operationId the contract's operation
     * @param methods     the methods it is gated for
     * @param path        its path after collapsing repeated slashes and removing a trailing one
     * @param roles       only callers holding one of these are gated (those who get the sensitive view);
     *                    empty for everyone
     */
    record Operation(String operationId, Set<HttpMethod> methods, Pattern path, Set<Role> roles) {

        boolean gates(Caller caller) {
            return roles.isEmpty() || caller.roles().stream().anyMatch(roles::contains);
        }
    }

    private static final Set<HttpMethod> READ = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    static final List<Operation> ALL = List.of(
            new Operation("listIncidents", READ, Pattern.compile("/api/v1/incidents"), CASE_FILE_READERS),
            new Operation("getIncident", READ, Pattern.compile("/api/v1/incidents/" + NOT_AN_INCIDENT),
                    CASE_FILE_READERS),
            new Operation("getIncidentHistory", READ, Pattern.compile("/api/v1/incidents/[^/]+/history"), ANYONE),
            new Operation("getEvidenceContent", READ, Pattern.compile("/api/v1/incidents/[^/]+/evidence/[^/]+"), ANYONE),
            new Operation("revealCredentials", Set.of(HttpMethod.POST),
                    Pattern.compile("/api/v1/accounts/[^/]+/credentials/reveal"), ANYONE),
            new Operation("getSubjectAccessExport", READ, Pattern.compile("/api/v1/privacy/subject-access"), ANYONE),
            new Operation("getSubjectData", READ, Pattern.compile("/api/v1/privacy/[^/]+/subjects/[^/]+/[^/]+"),
                    ANYONE));

    private SensitiveOperations() {
    }

    /** The gated operation a request is, if any. */
    static Optional<Operation> of(HttpMethod method, String path) {
        String normal = path.replaceAll("/{2,}", "/");
        if (normal.length() > 1 && normal.endsWith("/")) {
            normal = normal.substring(0, normal.length() - 1);
        }
        String candidate = normal;
        return ALL.stream()
                .filter(operation -> operation.methods().contains(method) && operation.path().matcher(candidate).matches())
                .findFirst();
    }
}
