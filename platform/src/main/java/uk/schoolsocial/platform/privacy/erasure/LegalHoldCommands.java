package uk.schoolsocial.platform.privacy.erasure;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.schoolsocial.events.privacy.LegalHoldBasis;
import uk.schoolsocial.events.privacy.SubjectType;

/** AUD-4: the commands of {@link LegalHold}. */
final class LegalHoldCommands {

    private LegalHoldCommands() {
    }

    record PlaceLegalHold(@TargetAggregateIdentifier String holdId, String schoolId, SubjectType subjectType,
                          String subjectId, LegalHoldBasis basis, LocalDate until, String actorId) {
    }

    record ReleaseLegalHold(@TargetAggregateIdentifier String holdId, String schoolId, String actorId) {
    }
}
