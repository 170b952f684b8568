package uk.schoolsocial.consent.publication.query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import uk.schoolsocial.consent.officialaccount.query.OfficialLiveAccountView;
import uk.schoolsocial.events.consent.ConsentChannel;

/**
 * What the publication check (CON-4) needs to know, whatever holds it: the read model
 * ({@link ReadModelFacts}) or its copy in memory ({@link PublicationCheckIndex}). Both answer from the
 * same rows, so the rules of {@link PublicationCheck} are written once.
 */
interface PublicationFacts {

    /** The featured pupils on the school's roster, each with their consent on {@code channel}; absent ones left out. */
    List<CheckedPupil> featured(String schoolId, ConsentChannel channel, Collection<String> pupilIds);

    /** Pupils of the school's roster (leavers included) whose given or family name key is one of {@code phrases}. */
    List<NamedPupil> named(String schoolId, Collection<String> phrases);

    /** The official account as provisioned by account-service, if it is one of the school's. */
    Optional<OfficialLiveAccountView> account(String schoolId, String accountId);
}
