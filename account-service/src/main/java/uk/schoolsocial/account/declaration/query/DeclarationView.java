package uk.schoolsocial.account.declaration.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import uk.schoolsocial.platform.query.VersionedRow;

/** ACC-10: one declaration as it stands: PENDING, APPROVED or REFUSED. */
@MappedEntity("declaration_view")
public record DeclarationView(@Id String id, String schoolId, long version, String staffId, String relatedTo,
                              String personName, String nature, @Nullable String details, String status,
                              Instant declaredAt, @Nullable String decidedBy, @Nullable String reason,
                              @Nullable Instant decidedAt) implements VersionedRow {

    DeclarationView decided(String newStatus, long newVersion, String by, String why, Instant at) {
        return new DeclarationView(id, schoolId, newVersion, staffId, relatedTo, personName, nature, details, newStatus,
                declaredAt, by, why, at);
    }
}
