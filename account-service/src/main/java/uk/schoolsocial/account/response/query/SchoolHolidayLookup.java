package uk.schoolsocial.account.response.query;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;

/** ACC-8: a school's holidays as last set; {@code version} is the calendar's, the ETag. */
@MappedEntity("school_holiday_lookup")
public record SchoolHolidayLookup(@Id String schoolId, long version,
                                  @TypeDef(type = DataType.JSON) List<Holiday> holidays, Instant updatedAt) {
}
