package uk.schoolsocial.account.official.query;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * ACC-4: an application's latest revision as provisioning needs it, with the surname clashes SLT
 * accepted for it (ACC-3), which hold for its account's names too.
 */
@MappedEntity("application_lookup")
public record ApplicationLookup(@Id String id, String schoolId, boolean approved, boolean provisioned, String platform,
                                @TypeDef(type = DataType.JSON) List<String> administrators, String privacy,
                                @TypeDef(type = DataType.JSON) List<String> acceptedWords) {

    ApplicationLookup asApproved() {
        return new ApplicationLookup(id, schoolId, true, provisioned, platform, administrators, privacy, acceptedWords);
    }

    ApplicationLookup asProvisioned() {
        return new ApplicationLookup(id, schoolId, approved, true, platform, administrators, privacy, acceptedWords);
    }

    ApplicationLookup accepting(String word) {
        List<String> words = new ArrayList<>(acceptedWords);
        if (!words.contains(word)) {
            words.add(word);
        }
        return new ApplicationLookup(id, schoolId, approved, provisioned, platform, administrators, privacy, words);
    }
}
