package uk.schoolsocial.launcher;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the command line prints once everything is up: where things are, and tokens to try the
 * API with straight away. A gateway without the dev issuer (OIDC mode) gets a note instead.
 */
final class StartupReport {

    private StartupReport() {}

    static String of(Suite suite) {
        StringBuilder out = new StringBuilder();
        out.append("\nThe school social media suite is up (started in ")
                .append(Durations.format(suite.startupTime()))
                .append(").\n\n");
        row(out, "Gateway", suite.gatewayUrl().toString());
        row(out, "API docs", suite.docsUrl().toString());
        suite.serviceUrls().forEach((name, url) -> row(out, name, url + "  (internal tokens only)"));
        // Issue 14: what an operator's Prometheus scrapes (docs/operations.md).
        suite.serviceUrls().forEach((name, url) -> row(out, "Metrics " + name.replace("-service", ""),
                url.resolve("/prometheus").toString()));
        row(out, "Metrics gateway", suite.gatewayUrl().resolve("/prometheus")
                + "  (bearer SMP_METRICS_SCRAPE_TOKEN; 404 when it is not set)");
        row(out, "Database", suite.databaseUrl()
                + (suite.isDatabaseEmbedded() ? "  (embedded MariaDB, user root)" : ""));
        row(out, "Data directory", suite.dataDir().toString());
        row(out, "Logs", suite.dataDir().resolve("logs").toString());
        out.append('\n');
        tokens(out, suite);
        out.append("\nPress Ctrl-C to stop.\n");
        return out.toString();
    }

    private static void tokens(StringBuilder out, Suite suite) {
        Map<String, DevTokenClient.DevToken> tokens = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (String user : Suite.DEMO_USERS) {
            try {
                tokens.put(user, suite.devToken(user));
            } catch (IllegalStateException e) {
                refused.add(e.getMessage());
            }
        }
        if (tokens.isEmpty()) {
            out.append("Demo tokens are not available: ").append(refused.get(0)).append('\n');
            return;
        }
        out.append("Demo bearer tokens (valid ")
                .append(Durations.roughly(tokens.values().iterator().next().expiresIn()))
                .append("; POST /dev/token with {\"user\":\"NAME\"} for fresh ones):\n");
        String column = "  %-" + tokens.keySet().stream().mapToInt(String::length).max().orElse(0) + "s %s%n";
        tokens.forEach((user, token) -> out.append(String.format(column, user, token.accessToken())));
        refused.forEach(reason -> out.append("  ").append(reason).append('\n'));
        String user = tokens.containsKey("slt") ? "slt" : tokens.keySet().iterator().next();
        URI applications = suite.gatewayUrl().resolve("/api/v1/applications");
        out.append("\nTry it (as ").append(user).append("):\n  curl -H 'Authorization: Bearer ")
                .append(tokens.get(user).accessToken()).append("' ").append(applications).append('\n');
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format("  %-18s %s%n", label, value));
    }
}
