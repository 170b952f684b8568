package uk.schoolsocial.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Why a decision was made (AUD-1), as the audit API shows it: the event's own {@code reason},
 * {@code notes} or {@code note}, sealed with the record's personal data, so erased with it (AUD-4). Events stored
 * before the reason left the metadata still carry it there; it is shown for them.
 */
final class Reasons {

    private static final List<String> FIELDS = List.of("reason", "notes", "note");

    private Reasons() {
    }

    static String of(JsonNode payload, String fromMetadata) {
        for (String field : FIELDS) {
            JsonNode value = payload == null ? null : payload.get(field);
            if (value != null && value.isTextual()) {
                return value.asText();
            }
        }
        return fromMetadata;
    }

    static String of(Object payload, String fromMetadata) {
        if (payload instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (FIELDS.contains(component.getName()) && component.getType() == String.class) {
                    try {
                        Object value = component.getAccessor().invoke(record);
                        if (value != null) {
                            return (String) value;
                        }
                    } catch (ReflectiveOperationException e) {
                        return fromMetadata;
                    }
                }
            }
        }
        return fromMetadata;
    }
}
