package uk.schoolsocial.consent.publication.query;

import io.micronaut.core.annotation.Introspected;

/** A pupil of the roster whose name matched words of a text (CON-4). */
@Introspected
public record NamedPupil(String pupilId, String givenNameKey, String familyNameKey) {
}
