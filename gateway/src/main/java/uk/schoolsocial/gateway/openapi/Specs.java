package uk.schoolsocial.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a contract as YAML means it (issue 18): an alias ({@code *checkpoint}) is the value its
 * anchor names. Jackson's YAML tree reader gives the anchor's name as a string instead, which broke
 * the examples of the served documents. Dates stay strings, as in JSON, so that an example's
 * {@code 2026-12-05} is served as written.
 */
final class Specs {

    private Specs() {
    }

    /** The document as maps, lists and scalars; aliases resolved. */
    static Object load(InputStream in) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(200);
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new NoTimestamps());
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return yaml.load(reader);
        } catch (YAMLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * YAML's implicit types as JSON knows them: timestamps stay strings, and only {@code true} and
     * {@code false} are booleans (YAML 1.1 would make an enum value {@code NO} or {@code ON} one).
     */
    private static final class NoTimestamps extends Resolver {
        private static final java.util.regex.Pattern JSON_BOOL =
                java.util.regex.Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.BOOL, JSON_BOOL, "tTfF");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.INT, INT, "-+0123456789");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.MERGE, MERGE, "<");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, EMPTY, null);
        }
    }
}
