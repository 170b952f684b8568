package uk.schoolsocial.consent.publication.query;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import uk.schoolsocial.consent.officialaccount.query.OfficialLiveAccountView;
import uk.schoolsocial.consent.officialaccount.query.OfficialLiveAccountViewRepository;
import uk.schoolsocial.events.consent.ConsentChannel;

/**
 * The facts of the check read from the read model: three indexed queries whatever the number of pupils.
 * Used while the index in memory cannot be trusted (see {@link PublicationCheckIndex#trusted()}).
 */
@Singleton
class ReadModelFacts implements PublicationFacts {

    private final PublicationCheckRepository reads;
    private final OfficialLiveAccountViewRepository accounts;

    ReadModelFacts(PublicationCheckRepository reads, OfficialLiveAccountViewRepository accounts) {
        this.reads = reads;
        this.accounts = accounts;
    }

    @Override
    public List<CheckedPupil> featured(String schoolId, ConsentChannel channel, Collection<String> pupilIds) {
        return reads.featured(schoolId, channel.name(), pupilIds);
    }

    @Override
    public List<NamedPupil> named(String schoolId, Collection<String> phrases) {
        return reads.named(schoolId, phrases);
    }

    @Override
    public Optional<OfficialLiveAccountView> account(String schoolId, String accountId) {
        return accounts.findByIdAndSchoolId(accountId, schoolId);
    }
}
