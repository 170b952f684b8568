package uk.schoolsocial.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.SubjectType;

/**
 * Seals and opens the {@link PersonalData} fields of an event's JSON (AUD-4, decision 9). A sealed
 * field is the envelope {@code {"$sealed":"v1","k":"PUPIL:school-1/p-1","c":nonce+ciphertext}}: the
 * field's JSON value encrypted with AES-256-GCM ({@link AesGcm}) under the key of the subject in its school
 * ({@link SubjectKeys#subjectId}), with the subject and the
 * field's path as associated data, so a ciphertext moved to another field or subject does not
 * open. Opening with a destroyed key gives JSON {@code null}: the field reads as erased. A value
 * stored before sealing existed (not an envelope) is read as it is. The envelope itself is made and
 * opened by {@link SealedEnvelope}; the fields of each event type are found by {@link PersonalFields}.
 */
public final class Sealing {

    /** The event component naming the school; every event with personal data has one. */
    static final String SCHOOL = "schoolId";

    /** One personal field: its path from the event's root ({@code []} for every element of a list). */
    record Field(List<String> path, PersonalData personal) {
        String name() {
            return String.join(".", path);
        }
    }

    private final SubjectKeys keys;
    private final SealedEnvelope envelopes;
    private final PersonalFields fields = new PersonalFields();

    public Sealing(SubjectKeys keys, ObjectMapper mapper) {
        this.keys = keys;
        this.envelopes = new SealedEnvelope(keys, mapper);
    }

    /** The personal fields of a record type; empty for any other type. */
    List<Field> fieldsOf(Class<?> type) {
        return fields.of(type);
    }

    /** Seals the personal fields of an event of {@code type} in place. */
    void seal(Class<?> type, ObjectNode event) {
        for (Field field : fieldsOf(type)) {
            String subject = subjectId(event, field);
            visit(event, field.path(), 0, (parent, name, value, where) -> {
                if (value == null || value.isNull() || SealedEnvelope.isEnvelope(value)) {
                    return;
                }
                if (subject == null) {
                    throw new IllegalStateException(type.getSimpleName() + "." + field.name() + " holds personal data"
                            + " but its key component " + field.personal().keyFrom() + " is empty");
                }
                SubjectType subjectType = field.personal().sealedUnder();
                Optional<SecretKey> key = keys.forSealing(subjectType, subject);
                parent.set(name, key.isEmpty() ? JsonNodeFactory.instance.nullNode()
                        : envelopes.envelope(subjectType, subject, where, value, key.get()));
            });
        }
    }

    /** Opens the personal fields of an event of {@code type} in place; a destroyed key gives null. */
    void open(Class<?> type, ObjectNode event) {
        for (Field field : fieldsOf(type)) {
            visit(event, field.path(), 0, (parent, name, value, where) -> {
                if (value != null && SealedEnvelope.isEnvelope(value)) {
                    parent.set(name, envelopes.opened((ObjectNode) value, where));
                }
            });
        }
    }

    /**
     * Opens every sealed field found anywhere in a stored payload, whatever its type: for readers
     * of the stored JSON itself (the audit API). A destroyed key gives null.
     */
    public JsonNode openAll(JsonNode payload) {
        return openAll(payload, "");
    }

    private JsonNode openAll(JsonNode node, String path) {
        if (SealedEnvelope.isEnvelope(node)) {
            return envelopes.opened((ObjectNode) node, path);
        }
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, openAll(object.get(name), path.isEmpty() ? name : path + "." + name));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, openAll(array.get(i), path + ".[]"));
            }
        }
        return node;
    }

    /** What a subject access export shows in place of another person's data (AUD-4). */
    public static final String WITHHELD = "[withheld: another person's data]";

    /**
     * Decides, for a subject access export, whether a sealed field may be shown: by the subject it is
     * sealed under ({@code TYPE:school/id}) and the object that holds it; {@code inList} when that
     * object is an element of a list (one of several people involved, say).
     */
    public interface Disclosure {
        boolean mayOpen(String subjectRef, ObjectNode holder, boolean inList);
    }

    /**
     * As {@link #openAll}, but a field the disclosure does not allow reads {@link #WITHHELD} (a
     * destroyed key still gives null).
     */
    public JsonNode openDisclosing(JsonNode payload, Disclosure disclosure) {
        return openDisclosing(payload, "", null, false, disclosure);
    }

    private JsonNode openDisclosing(JsonNode node, String path, ObjectNode holder, boolean inList,
                                    Disclosure disclosure) {
        if (SealedEnvelope.isEnvelope(node)) {
            if (!disclosure.mayOpen(node.path("k").asText(), holder, inList)) {
                return JsonNodeFactory.instance.textNode(WITHHELD);
            }
            return envelopes.opened((ObjectNode) node, path);
        }
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, openDisclosing(object.get(name), path.isEmpty() ? name : path + "." + name, object,
                        inList && holder == null, disclosure));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, openDisclosing(array.get(i), path + ".[]", null, true, disclosure));
            }
        }
        return node;
    }

    /** Whether an event of {@code type} has any personal field. */
    boolean seals(Class<?> type) {
        return !fieldsOf(type).isEmpty();
    }

    private interface Visitor {
        void at(ObjectNode parent, String name, JsonNode value, String where);
    }

    private static void visit(JsonNode node, List<String> path, int step, Visitor visitor) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        String name = path.get(step);
        JsonNode value = object.get(name);
        if (step == path.size() - 1) {
            visitor.at(object, name, value, String.join(".", path));
            return;
        }
        if (step + 1 < path.size() && path.get(step + 1).equals("[]")) {
            if (value instanceof ArrayNode array) {
                for (JsonNode element : array) {
                    visit(element, path, step + 2, visitor);
                }
            }
            return;
        }
        visit(value, path, step + 1, visitor);
    }

    private static String subjectId(ObjectNode event, Field field) {
        JsonNode id = event.get(field.personal().keyFrom());
        if (id == null || id.isNull() || id.asText().isEmpty()) {
            return null;
        }
        JsonNode school = event.get(SCHOOL);
        if (school == null || !school.isTextual() || school.asText().isBlank()) {
            throw new IllegalStateException("An event with personal data must name its " + SCHOOL
                    + ": a subject's key belongs to a school");
        }
        return SubjectKeys.subjectId(school.asText(), id.asText());
    }

    /** A sealed field does not open under its subject's key: it was edited or moved. */
    public static final class SealedFieldTamperedException extends IllegalStateException {
        SealedFieldTamperedException(String where, String subject, Throwable cause) {
            super("The sealed field " + where + " (" + subject + ") does not open: it was edited or moved", cause);
        }
    }
}
