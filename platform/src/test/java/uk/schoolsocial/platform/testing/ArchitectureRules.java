package uk.schoolsocial.platform.testing;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.identity.CommandSender;

/**
 * The shape of every service (CONVENTIONS.md, issue 17), one set of rules for all of them: package by
 * feature, then {@code command}, {@code query}, {@code web}, {@code process}. Each service's
 * {@code ArchitectureTest} extends this class and so runs every rule here, one test each, so that a
 * failure names the rule.
 */
public abstract class ArchitectureRules {

    /** Imported once per service, not once per test (JUnit makes an instance for each). */
    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private final JavaClasses classes;
    private final String servicePackage;

    /** The rules over the main classes of the service whose root package is {@code servicePackage}. */
    protected ArchitectureRules(String servicePackage) {
        this.servicePackage = servicePackage;
        this.classes = IMPORTED.computeIfAbsent(servicePackage, root -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root));
    }

    /**
     * The command side (aggregates, commands, rules) knows neither the web nor the read side; the read
     * side does not reach into the web layer.
     */
    @Test
    public void layersFollowTheConventions() {
        noClasses().that().resideInAPackage("..command..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..query..", "..api..")
                .because("the command side decides rules without the web or read models (CONVENTIONS)")
                .check(classes);
        noClasses().that().resideInAPackage("..query..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..api..")
                .because("read models do not know how they are served")
                .check(classes);
    }

    /** A feature may use another, never the other way round as well. */
    @Test
    public void featuresDependOnEachOtherOneWayOnly() {
        slices().matching(servicePackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Commands are sent by a request (web) or by a process reacting to events, nowhere else. */
    @Test
    public void commandsAreSentOnlyFromWebAndProcess() {
        noClasses().that().resideOutsideOfPackages("..web..", "..process..")
                .should().dependOnClassesThat().belongToAnyOf(CommandSender.class, CommandGateway.class,
                        CommandBus.class)
                .because("only a request or a process manager sends commands (issue 17)")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("..web..", "..process..", "..command..")
                .should().dependOnClassesThat(describe("commands", (JavaClass c) ->
                        c.getPackageName().endsWith(".command") && c.getSimpleName().endsWith("Command")))
                .because("read models and wiring neither build nor send commands (issue 17)")
                .check(classes);
    }

    /** The aggregates and their rules know neither Micronaut, injection nor JDBC. */
    @Test
    public void domainCodeIsFreeOfMicronautAndJdbc() {
        noClasses().that().resideInAPackage("..command..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta.inject..",
                        "java.sql..", "javax.sql..")
                .because("domain code stays framework-free (CONVENTIONS, issue 17)")
                .check(classes);
    }

    /**
     * No hand-written main source file of the module (tests run in its directory) is over 250 lines;
     * generated code is under {@code target/}.
     */
    @Test
    public void noMainSourceFileIsOver250Lines() throws IOException {
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
