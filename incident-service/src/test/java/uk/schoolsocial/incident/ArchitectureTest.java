package uk.schoolsocial.incident;

import uk.schoolsocial.platform.testing.ArchitectureRules;

/**
 * The shape of incident-service (issue 17): package by feature (report, assessment, escalation,
 * takedown, evidence, casefile, oversight), then {@code command}, {@code query}, {@code web},
 * {@code process}. The rules are platform's, the same for every service.
 */
class ArchitectureTest extends ArchitectureRules {

    ArchitectureTest() {
        super("uk.schoolsocial.incident");
    }
}
