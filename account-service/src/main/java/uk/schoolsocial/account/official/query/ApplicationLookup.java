package uk.schoolsocial.account.official.query;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.util.List;

/** ACC-4: an application's latest revision as provisioning needs it. */
@MappedEntity("application_lookup")
public record ApplicationLookup(@Id String id, String schoolId, boolean approved, boolean provisioned, String platform,
                                @TypeDef(type = DataType.JSON) List<String> administrators, String privacy) {
}
