package uk.schoolsocial.auditcli;

import picocli.CommandLine.Option;
import uk.schoolsocial.auditcli.api.model.ServiceName;
import uk.schoolsocial.auditcli.remote.SuiteConnection;

/** Where the suite is, who asks, and whose trail: the options of every command that goes online. */
public class SuiteOptions {

    @Option(names = "--url", defaultValue = "${env:AUDIT_URL:-http://localhost:8080}", paramLabel = "URL",
            description = "The suite's gateway (default: the AUDIT_URL environment variable, else http://localhost:8080).")
    String url;

    @Option(names = "--token", defaultValue = "${env:AUDIT_TOKEN}", paramLabel = "TOKEN",
            description = "A bearer token of an AUDITOR or SLT (default: the AUDIT_TOKEN environment variable).")
    String token;

    @Option(names = "--service", required = true, paramLabel = "SERVICE",
            description = "Whose trail: account, incident or consent.")
    String service;

    @Option(names = "--school", paramLabel = "SCHOOL",
            description = "Act for this school: one the token grants across a trust (default: the token's own).")
    String school;

    /** The school to act for, or null for the token's own. */
    public String school() {
        return school == null || school.isBlank() ? null : school;
    }

    /** The service, checked against the names of audit.yaml. */
    public String service() {
        try {
            return ServiceName.fromValue(service).getValue();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--service must be one of account, incident, consent (not '" + service + "')");
        }
    }

    public ServiceName serviceName() {
        return ServiceName.fromValue(service());
    }

    public SuiteConnection connect() {
        if (token == null || token.isBlank()) {
            throw new UsageException("No token: give --token or set AUDIT_TOKEN");
        }
        return new SuiteConnection(url, token, service());
    }
}
