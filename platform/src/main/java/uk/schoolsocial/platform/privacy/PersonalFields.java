package uk.schoolsocial.platform.privacy;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.platform.privacy.Sealing.Field;

/**
 * The {@link PersonalData} fields of event types, found by walking their record components (into
 * nested records and lists of them) once per type and then remembered: the plan {@link Sealing}
 * follows on every event it seals or opens, so reflection is not repeated on each one.
 */
final class PersonalFields {

    private final Map<Class<?>, List<Field>> plans = new ConcurrentHashMap<>();

    /** The personal fields of a record type; empty for any other type. */
    List<Field> of(Class<?> type) {
        return plans.computeIfAbsent(type, t -> {
            List<Field> fields = new ArrayList<>();
            if (t.isRecord()) {
                collect(t, List.of(), fields);
            }
            return List.copyOf(fields);
        });
    }

    private static void collect(Class<?> record, List<String> prefix, List<Field> fields) {
        for (RecordComponent component : record.getRecordComponents()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(component.getName());
            PersonalData personal = component.getAnnotation(PersonalData.class);
            if (personal != null) {
                fields.add(new Field(List.copyOf(path), personal));
                continue;
            }
            Type element = component.getType();
            if (Collection.class.isAssignableFrom(component.getType())
                    && component.getGenericType() instanceof ParameterizedType generic) {
                element = generic.getActualTypeArguments()[0];
                path.add("[]");
            }
            if (element instanceof Class<?> inner && inner.isRecord()) {
                collect(inner, path, fields);
            }
        }
    }
}
