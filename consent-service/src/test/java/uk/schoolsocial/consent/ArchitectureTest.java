package uk.schoolsocial.consent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.testing.ArchitectureRules;

/**
 * The shape of consent-service (issue 17): package by feature (consent, publication,
 * officialaccount, privacy, report, changes), then {@code command}, {@code query}, {@code web},
 * {@code process}. The rules are platform's, the same for every service, and one of its own.
 */
class ArchitectureTest extends ArchitectureRules {

    ArchitectureTest() {
        super("uk.schoolsocial.consent");
    }

    /** The projection of account-service's accounts is its own feature; consent rules never lean on it. */
    @Test
    void officialAccountsAndConsentStayApart() {
        noClasses().that().resideInAPackage("..consent.officialaccount..")
                .should().dependOnClassesThat().resideInAPackage("..consent.consent..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("uk.schoolsocial.consent"));
    }
}
