package uk.schoolsocial.consent.publication.query;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.schoolsocial.consent.officialaccount.query.OfficialLiveAccountView;
import uk.schoolsocial.events.consent.ConsentChannel;

/** The facts of one copy of the {@link PublicationCheckIndex}. */
record IndexedFacts(Map<String, IndexedSchool> schools) implements PublicationFacts {

    @Override
    public List<CheckedPupil> featured(String schoolId, ConsentChannel channel, Collection<String> pupilIds) {
        IndexedSchool school = schools.get(schoolId);
        return school == null ? List.of() : school.featured(channel, pupilIds);
    }

    @Override
    public List<NamedPupil> named(String schoolId, Collection<String> phrases) {
        IndexedSchool school = schools.get(schoolId);
        return school == null ? List.of() : school.named(phrases);
    }

    @Override
    public Optional<OfficialLiveAccountView> account(String schoolId, String accountId) {
        IndexedSchool school = schools.get(schoolId);
        return school == null ? Optional.empty() : Optional.ofNullable(school.accounts.get(accountId));
    }
}
