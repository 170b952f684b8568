package uk.schoolsocial.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering rules of CONVENTIONS.md, for any service: the command side (aggregates, commands,
 * rules) knows neither the web nor the read side, nor Micronaut or JDBC; the read side does not
 * reach into the web layer.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        noClasses().that().resideInAPackage("..command..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..query..", "..api..")
                .because("the command side decides rules without the web or read models (CONVENTIONS)")
                .check(classes);
        noClasses().that().resideInAPackage("..command..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "java.sql..", "javax.sql..")
                .because("domain code stays framework-free (CONVENTIONS)")
                .check(classes);
        noClasses().that().resideInAPackage("..query..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..api..")
                .because("read models do not know how they are served")
                .check(classes);
    }
}
