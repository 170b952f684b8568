package uk.schoolsocial.e2e.contract;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The places in a generated body that a mutation can change, each with the schema it must meet. */
final class BodySlots {

    /** A field of an object or an element of an array; the root has no container. */
    record Slot(Object container, Object key, Schema<?> schema, String path, String name, Object value) {

        @SuppressWarnings("unchecked")
        void set(Object newValue) {
            if (container instanceof Map<?, ?> map) {
                ((Map<String, Object>) map).put((String) key, newValue);
            } else if (container instanceof List<?> list) {
                ((List<Object>) list).set((Integer) key, newValue);
            }
        }
    }

    private BodySlots() {
    }

    /** @return every field and array element below the root, at any depth */
    static List<Slot> of(Object body, Schema<?> schema) {
        List<Slot> slots = new ArrayList<>();
        walk(body, schema, "", null, slots);
        return slots;
    }

    /** @return the root and every object below it that the schema describes, for structural mutations */
    static List<Slot> objects(Object body, Schema<?> schema) {
        List<Slot> objects = new ArrayList<>();
        if (body instanceof Map<?, ?>) {
            objects.add(new Slot(null, null, ValidValues.concrete(schema), "", null, body));
        }
        for (Slot slot : of(body, schema)) {
            if (slot.value() instanceof Map<?, ?> && slot.schema().getProperties() != null) {
                objects.add(slot);
            }
        }
        return objects;
    }

    private static void walk(Object value, Schema<?> original, String path, String name, List<Slot> slots) {
        Schema<?> schema = ValidValues.concrete(original);
        if (value instanceof Map<?, ?> map && schema.getProperties() != null) {
            for (Map.Entry<?, ?> field : map.entrySet()) {
                Schema<?> property = schema.getProperties().get(String.valueOf(field.getKey()));
                if (property != null) {
                    Schema<?> concrete = ValidValues.concrete(property);
                    String fieldPath = path + "." + field.getKey();
                    slots.add(new Slot(map, field.getKey(), concrete, fieldPath, (String) field.getKey(), field.getValue()));
                    walk(field.getValue(), concrete, fieldPath, (String) field.getKey(), slots);
                }
            }
        } else if (value instanceof List<?> list && schema.getItems() != null) {
            Schema<?> items = ValidValues.concrete(schema.getItems());
            for (int i = 0; i < list.size(); i++) {
                String itemPath = path + "[" + i + "]";
                slots.add(new Slot(list, i, items, itemPath, name, list.get(i)));
                walk(list.get(i), items, itemPath, name, slots);
            }
        }
    }
}
