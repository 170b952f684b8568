package uk.schoolsocial.account.response.query;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.platform.privacy.erasure.ErasureScope;
import uk.schoolsocial.platform.privacy.erasure.ErasureSubject;
import uk.schoolsocial.platform.privacy.erasure.SubjectRef;

/**
 * The comments, queries and complaints official accounts received (ACC-8) for erasure (AUD-4). A
 * message's summary and answer are sealed under the message's own key ({@code ACCOUNT_MESSAGE}, by
 * message id), never under a person's, since they may name anyone: erasing a message sets both to
 * null and keeps its ids, type, channel and times (the response rule's record of breaches stays).
 * Erasing a person or an account does not reach a message. An answered message expires
 * {@link RetentionClass#ACCOUNT_CORRESPONDENCE} after its answer.
 */
@Singleton
public class MessageErasureScope implements ErasureScope {

    private final AccountMessageViewRepository messages;

    MessageErasureScope(AccountMessageViewRepository messages) {
        this.messages = messages;
    }

    @Override
    public void eraseReadModels(ErasureSubject subject, List<SubjectRef> records) {
        List<String> erased = new ArrayList<>();
        if (subject.type() == SubjectType.ACCOUNT_MESSAGE) {
            erased.add(subject.subjectId());
        }
        records.stream().filter(ref -> ref.type() == SubjectType.ACCOUNT_MESSAGE).forEach(ref -> erased.add(ref.id()));
        erased.forEach(id -> messages.erase(subject.schoolId(), id));
    }

    /** ACCOUNT_CORRESPONDENCE: the messages answered before {@code startedBefore}, from their answer. */
    @Override
    public List<Expiry> expiring(RetentionClass retention, Instant startedBefore) {
        if (retention != RetentionClass.ACCOUNT_CORRESPONDENCE) {
            return List.of();
        }
        return messages.answeredBefore(startedBefore).stream()
                .map(message -> new Expiry(message.schoolId(),
                        new SubjectRef(SubjectType.ACCOUNT_MESSAGE, message.id()), message.answeredAt()))
                .toList();
    }
}
