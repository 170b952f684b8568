package uk.schoolsocial.incident.report.web;

import java.util.Map;

/** {@link HandlingApiTest}'s report body, for tests in other packages. */
public final class HandlingApiTestAccess {

    private HandlingApiTestAccess() {
    }

    public static Map<String, Object> report(String category, String personRole) {
        return HandlingApiTest.report(category, personRole);
    }
}
