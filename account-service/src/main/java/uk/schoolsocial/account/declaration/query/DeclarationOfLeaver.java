package uk.schoolsocial.account.declaration.query;

import io.micronaut.core.annotation.Introspected;
import java.time.LocalDate;

/** A declaration whose member of staff has left, and when (AUD-4 retention). */
@Introspected
public record DeclarationOfLeaver(String id, String schoolId, LocalDate leftOn) {
}
