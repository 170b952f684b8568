package uk.schoolsocial.incident;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.identity.CommandSender;
import uk.schoolsocial.platform.testing.ArchitectureRules;

/**
 * The shape of incident-service (issue 17): package by feature (report, assessment, escalation,
 * takedown, evidence, casefile, oversight), then {@code command}, {@code query}, {@code web},
 * {@code process}.
 */
class ArchitectureTest {

    private static final String SERVICE = "uk.schoolsocial.incident";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(SERVICE);

    @Test
    void layersFollowTheConventions() {
        ArchitectureRules.check(SERVICE);
    }

    /** A feature may use another, never the other way round as well. */
    @Test
    void featuresDependOnEachOtherOneWayOnly() {
        slices().matching(SERVICE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** Commands are sent by a request (web) or by a process reacting to events, nowhere else. */
    @Test
    void commandsAreSentOnlyFromWebAndProcess() {
        noClasses().that().resideOutsideOfPackages("..web..", "..process..")
                .should().dependOnClassesThat().belongToAnyOf(CommandSender.class, CommandGateway.class,
                        CommandBus.class)
                .because("only a request or a process manager sends commands (issue 17)")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackages("..web..", "..process..", "..command..")
                .should().dependOnClassesThat(describe("commands", (JavaClass c) ->
                        c.getPackageName().endsWith(".command") && c.getSimpleName().endsWith("Command")))
                .because("read models and wiring neither build nor send commands (issue 17)")
                .check(CLASSES);
    }

    /** The aggregates and their rules know neither Micronaut, injection nor JDBC. */
    @Test
    void domainCodeIsFreeOfMicronautAndJdbc() {
        noClasses().that().resideInAPackage("..command..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta.inject..",
                        "java.sql..", "javax.sql..")
                .because("domain code stays framework-free (CONVENTIONS, issue 17)")
                .check(CLASSES);
    }

    /** No hand-written main source file is over 250 lines (generated code is under target/). */
    @Test
    void noMainSourceFileIsOver250Lines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            tooLong = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> lines(file) > 250)
                    .map(file -> file + " (" + lines(file) + " lines)")
                    .toList();
        }
        assertEquals(List.of(), tooLong);
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
