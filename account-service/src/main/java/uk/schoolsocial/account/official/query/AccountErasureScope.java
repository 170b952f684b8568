package uk.schoolsocial.account.official.query;

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
 * The official accounts (ACC-4 to ACC-9) for erasure (AUD-4). The reasons and notes of an account's
 * suspension, reinstatement, closure, review and credentials are sealed under the account's own key
 * ({@code ACCOUNT}, by account id), never under a person's: erasing an account sets its status reason
 * to null and takes them out of its decision history, keeping ids, settings, statuses and times.
 * Erasing a person does not reach an account. A closed account expires
 * {@link RetentionClass#ACCOUNT_RECORD} after its closure; accounts closed before the closure was
 * kept in {@code account_view} got it from their history (migration V20261205_1002).
 */
@Singleton
public class AccountErasureScope implements ErasureScope {

    private final AccountViewRepository accounts;
    private final AccountHistoryViewRepository history;

    AccountErasureScope(AccountViewRepository accounts, AccountHistoryViewRepository history) {
        this.accounts = accounts;
        this.history = history;
    }

    @Override
    public void eraseReadModels(ErasureSubject subject, List<SubjectRef> records) {
        List<String> erased = new ArrayList<>();
        if (subject.type() == SubjectType.ACCOUNT) {
            erased.add(subject.subjectId());
        }
        records.stream().filter(ref -> ref.type() == SubjectType.ACCOUNT).forEach(ref -> erased.add(ref.id()));
        for (String id : erased) {
            accounts.erase(subject.schoolId(), id);
            history.erase(subject.schoolId(), id);
        }
    }

    /** ACCOUNT_RECORD: the accounts closed before {@code startedBefore}, from their closure. */
    @Override
    public List<Expiry> expiring(RetentionClass retention, Instant startedBefore) {
        if (retention != RetentionClass.ACCOUNT_RECORD) {
            return List.of();
        }
        return accounts.closedBefore(startedBefore).stream()
                .map(account -> new Expiry(account.schoolId(), new SubjectRef(SubjectType.ACCOUNT, account.id()),
                        account.closedAt()))
                .toList();
    }
}
