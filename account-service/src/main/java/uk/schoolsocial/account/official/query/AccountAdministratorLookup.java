package uk.schoolsocial.account.official.query;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.util.List;

/** ACC-7, ACC-8: an account's current administrators and whether it is closed. */
@MappedEntity("account_administrator_lookup")
public record AccountAdministratorLookup(@Id String accountId, String schoolId,
                                         @TypeDef(type = DataType.JSON) List<String> administrators,
                                         boolean closed) {
}
