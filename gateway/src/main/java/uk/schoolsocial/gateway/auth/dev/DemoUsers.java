package uk.schoolsocial.gateway.auth.dev;

import uk.schoolsocial.gateway.auth.Role;

import java.util.List;
import java.util.Optional;

/** The demo users of the runtime contract: one per role in {@code demo-school}, and a second school. */
final class DemoUsers {

    private static final String DEMO_SCHOOL = "demo-school";

    static final List<DemoUser> ALL = List.of(
            new DemoUser("staff", "demo-staff", Role.STAFF, DEMO_SCHOOL, "Demo Staff Member"),
            new DemoUser("slt", "demo-slt", Role.SLT, DEMO_SCHOOL, "Demo Senior Leader"),
            new DemoUser("dsl", "demo-dsl", Role.DSL, DEMO_SCHOOL, "Demo Safeguarding Lead"),
            new DemoUser("admin", "demo-admin", Role.ACCOUNT_ADMIN, DEMO_SCHOOL, "Demo Account Admin"),
            new DemoUser("parent", "demo-parent", Role.PARENT, DEMO_SCHOOL, "Demo Parent"),
            new DemoUser("auditor", "demo-auditor", Role.AUDITOR, DEMO_SCHOOL, "Demo Auditor"),
            new DemoUser("mis", "demo-mis", Role.INTEGRATION, DEMO_SCHOOL, "Demo MIS"),
            new DemoUser("other-slt", "other-slt", Role.SLT, "other-school", "Other School Senior Leader"));

    private DemoUsers() {
    }

    static Optional<DemoUser> named(String user) {
        return ALL.stream().filter(demo -> demo.user().equals(user)).findFirst();
    }
}
