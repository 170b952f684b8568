package uk.schoolsocial.incident.report.query;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;

/**
 * One incident as it stands, for reads. {@code version} is the aggregate's, the ETag. Holds the
 * whole case file: what a caller may see of it is decided by the web layer (INC-7).
 */
@MappedEntity("incident_view")
public record IncidentView(
        @Id String id,
        String schoolId,
        String status,
        long version,
        String reporterId,
        String category,
        String whatHappened,
        Instant occurredAt,
        String platform,
        String location,
        boolean officialAccountInvolved,
        @TypeDef(type = DataType.JSON) List<PersonInvolved> peopleInvolved,
        String assignedRole,
        String routingReason,
        Instant reportedAt,
        Instant statusChangedAt) {
}
