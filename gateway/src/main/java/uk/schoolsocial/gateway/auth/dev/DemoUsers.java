package uk.schoolsocial.gateway.auth.dev;


import uk.schoolsocial.platform.identity.Role;

import java.util.List;
import java.util.Optional;

/**
 * The demo users of the runtime contract: one per role in {@code demo-school}, a second school, and an
 * auditor of a trust granted both.
 */
final class DemoUsers {

    private static final String DEMO_SCHOOL = "demo-school";

    static final List<DemoUser> ALL = List.of(
            new DemoUser("staff", "demo-staff", Role.STAFF, DEMO_SCHOOL, "Demo Staff Member", List.of()),
            new DemoUser("slt", "demo-slt", Role.SLT, DEMO_SCHOOL, "Demo Senior Leader", List.of()),
            new DemoUser("dsl", "demo-dsl", Role.DSL, DEMO_SCHOOL, "Demo Safeguarding Lead", List.of()),
            new DemoUser("admin", "demo-admin", Role.ACCOUNT_ADMIN, DEMO_SCHOOL, "Demo Account Admin", List.of()),
            new DemoUser("parent", "demo-parent", Role.PARENT, DEMO_SCHOOL, "Demo Parent", List.of()),
            new DemoUser("auditor", "demo-auditor", Role.AUDITOR, DEMO_SCHOOL, "Demo Auditor", List.of()),
            new DemoUser("mis", "demo-mis", Role.INTEGRATION, DEMO_SCHOOL, "Demo MIS", List.of()),
            new DemoUser("other-slt", "other-slt", Role.SLT, "other-school", "Other School Senior Leader", List.of()),
            new DemoUser("trust-auditor", "trust-auditor", Role.AUDITOR, DEMO_SCHOOL, "Trust Auditor",
                    List.of("other-school")));

    private DemoUsers() {
    }

    static Optional<DemoUser> named(String user) {
        return ALL.stream().filter(demo -> demo.user().equals(user)).findFirst();
    }
}
