package uk.schoolsocial.platform.privacy.erasure;

import uk.schoolsocial.events.privacy.SubjectType;

/** A subject of one school whose key seals personal data: a person, or a record about people. */
public record SubjectRef(SubjectType type, String id) {

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
