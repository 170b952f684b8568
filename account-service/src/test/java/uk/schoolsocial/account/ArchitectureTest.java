package uk.schoolsocial.account;

import uk.schoolsocial.platform.testing.ArchitectureRules;

/**
 * The shape of account-service (issue 17): package by feature (application, official, roster,
 * response, declaration, privacy, report, changes), then {@code command}, {@code query}, {@code web},
 * {@code process}; {@code shared} holds the rules and ports several features' aggregates use. The
 * rules are platform's, the same for every service.
 */
class ArchitectureTest extends ArchitectureRules {

    ArchitectureTest() {
        super("uk.schoolsocial.account");
    }
}
