package uk.schoolsocial.events.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The record of processing as the event records declare it (AUD-4): every component that holds
 * personal data, and every text that carries no classification. Identifiers (components named
 * {@code ...Id}, {@code ...Ids}, or {@code ...By} for the person who acted) are pseudonyms the audit
 * trail keeps and need none; a text component (a {@code String}, a collection of them, a string
 * inside a nested record, a date of birth) needs {@link PersonalData} or {@link NotPersonalData}.
 */
final class EventInventory {

    /** One classified component; {@code path} is {@code peopleInvolved[].description} for a nested one. */
    record Row(String service, String event, String path, PersonalData personal) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    /** The inventory of these event records. */
    static EventInventory of(Collection<Class<?>> events) {
        EventInventory inventory = new EventInventory();
        events.stream().sorted(Comparator.comparing(Class::getName)).forEach(event -> inventory.visit(event, event, ""));
        return inventory;
    }

    /** Every event record compiled into {@code classes}, the service packages under uk/schoolsocial/events. */
    static List<Class<?>> eventsIn(Path classes) {
        Path root = classes.resolve("uk/schoolsocial/events");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().endsWith("Event.class"))
                    .map(file -> root.relativize(file).toString().replace(".class", "").replace('/', '.'))
                    .filter(name -> name.contains(".") && !name.contains("$") && !name.startsWith("privacy."))
                    .map(name -> load("uk.schoolsocial.events." + name))
                    .filter(Class::isRecord)
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Row> rows() {
        return rows;
    }

    /** What is wrong, each naming the event and component. */
    List<String> problems() {
        return problems;
    }

    private void visit(Class<?> event, Class<?> record, String prefix) {
        for (RecordComponent component : record.getRecordComponents()) {
            String path = prefix + component.getName();
            String where = event.getSimpleName() + "." + path;
            PersonalData personal = component.getAnnotation(PersonalData.class);
            NotPersonalData not = component.getAnnotation(NotPersonalData.class);
            if (personal != null && not != null) {
                problems.add(where + " is marked both personal and not personal data");
            }
            if (personal != null) {
                checkKey(event, where, personal);
                rows.add(new Row(service(event), event.getSimpleName(), path, personal));
            } else if (not == null && isText(component) && !isIdentifier(component.getName())) {
                problems.add(where + " holds text but says neither @PersonalData nor @NotPersonalData"
                        + " (docs/personal-data.md)");
            }
            nested(component).ifPresent(inner -> visit(event, inner, path + (isCollection(component) ? "[]." : ".")));
        }
    }

    private void checkKey(Class<?> event, String where, PersonalData personal) {
        if (personal.whose().length == 0) {
            problems.add(where + " says whose data it is for nobody");
        }
        boolean keyed = Arrays.stream(event.getRecordComponents())
                .anyMatch(c -> c.getName().equals(personal.keyFrom()) && c.getType() == String.class);
        if (!keyed) {
            problems.add(where + " is sealed under keyFrom \"" + personal.keyFrom() + "\", which is not a String"
                    + " component of " + event.getSimpleName());
        }
        boolean schooled = Arrays.stream(event.getRecordComponents())
                .anyMatch(c -> c.getName().equals("schoolId") && c.getType() == String.class);
        if (!schooled) {
            problems.add(where + " is personal data, but " + event.getSimpleName() + " has no String schoolId:"
                    + " a subject's key belongs to a school");
        }
    }

    static boolean isIdentifier(String name) {
        return name.endsWith("Id") || name.endsWith("Ids") || name.endsWith("By");
    }

    private static boolean isText(RecordComponent component) {
        Class<?> type = component.getType();
        if (type == String.class || type == char[].class) {
            return true;
        }
        if (type == LocalDate.class) {
            return component.getName().toLowerCase(Locale.ROOT).contains("birth");
        }
        return isCollection(component) && elementType(component) == String.class;
    }

    private static boolean isCollection(RecordComponent component) {
        return Collection.class.isAssignableFrom(component.getType());
    }

    private static Type elementType(RecordComponent component) {
        if (component.getGenericType() instanceof ParameterizedType generic) {
            return generic.getActualTypeArguments()[0];
        }
        return Object.class;
    }

    private static java.util.Optional<Class<?>> nested(RecordComponent component) {
        Type type = isCollection(component) ? elementType(component) : component.getType();
        if (type instanceof Class<?> inner && inner.isRecord()) {
            return java.util.Optional.of(inner);
        }
        return java.util.Optional.empty();
    }

    private static String service(Class<?> event) {
        String name = event.getPackageName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The table of personal fields in events, as docs/personal-data.md shows it. */
    String eventsTable() {
        StringBuilder out = new StringBuilder("| service | event | component | whose | retention | sealed under |\n"
                + "|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.service()).append(" | ").append(row.event()).append(" | `").append(row.path())
                    .append("` | ").append(Arrays.stream(row.personal().whose()).map(Whose::name)
                            .map(EventInventory::words).collect(Collectors.joining(", ")))
                    .append(" | ").append(row.personal().retention()).append(" | ")
                    .append(row.personal().sealedUnder()).append(" (`").append(row.personal().keyFrom()).append("`) |\n");
        }
        return out.toString();
    }

    /** The retention classes, their defaults and sources. */
    static String retentionTable() {
        StringBuilder out = new StringBuilder("| class | kept for | from when | source |\n|---|---|---|---|\n");
        for (RetentionClass retention : RetentionClass.values()) {
            out.append("| ").append(retention.name()).append(" | ").append(retention.defaultPeriod()).append(" | ")
                    .append(retention.from()).append(" | ").append(retention.source()).append(" |\n");
        }
        return out.toString();
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
