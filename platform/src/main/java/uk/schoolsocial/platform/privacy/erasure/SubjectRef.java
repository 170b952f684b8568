package uk.schoolsocial.platform.privacy.erasure;

import uk.schoolsocial.events.privacy.SubjectType;

/** A subject of one school whose key seals personal data: a person, or a record about people. */
public record SubjectRef(SubjectType type, String id) {

    /**
     * What a subject's id may be (privacy.yaml {@code SubjectId}): as the contracts spell MIS ids and
     * record UUIDs, with at least one letter or digit (it becomes a path segment).
     */
    public static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(
            "(?=.*[A-Za-z0-9])[A-Za-z0-9_.:-]{1,64}");

    /** As events and answers write it: {@code TYPE:id}. */
    @Override
    public String toString() {
        return type.name() + ":" + id;
    }

    public static SubjectRef parse(String text) {
        int colon = text.indexOf(':');
        return new SubjectRef(SubjectType.valueOf(text.substring(0, colon)), text.substring(colon + 1));
    }
}
