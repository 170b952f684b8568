package uk.schoolsocial.account.official.query;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import uk.schoolsocial.account.official.command.AccountAdministrators;
import uk.schoolsocial.account.official.process.AdministeredAccounts;
import uk.schoolsocial.events.account.AccountClosedEvent;
import uk.schoolsocial.events.account.AccountProvisionedEvent;
import uk.schoolsocial.events.account.AdministratorLeftEvent;
import uk.schoolsocial.events.account.HandoverCompletedEvent;
import uk.schoolsocial.platform.query.VersionedRows;

/**
 * Who administers each account, and whether it is closed: for the response rule (ACC-8, who may log
 * and answer) and the handover process (ACC-7, which accounts a leaver runs). In the subscribing
 * look-ups processor, in the transaction of the events, so a transfer counts for the very next command
 * and a leaving finds every account provisioned before it. Upserts, so re-applying the events gives the
 * same rows.
 */
@Singleton
@ProcessingGroup(AccountLookupProjection.GROUP)
public class AdministratorLookupProjection implements AccountAdministrators, AdministeredAccounts {

    private final AccountAdministratorLookupRepository accounts;

    AdministratorLookupProjection(AccountAdministratorLookupRepository accounts) {
        this.accounts = accounts;
    }

    @EventHandler
    void on(AccountProvisionedEvent e) {
        VersionedRows.insertOnce(accounts, e.accountId(),
                () -> new AccountAdministratorLookup(e.accountId(), e.schoolId(), e.administrators(), false));
    }

    @EventHandler
    void on(AdministratorLeftEvent e) {
        accounts.findById(e.accountId()).ifPresent(row -> accounts.update(new AccountAdministratorLookup(
                row.accountId(), row.schoolId(),
                row.administrators().stream().filter(id -> !id.equals(e.administratorId())).toList(), row.closed())));
    }

    @EventHandler
    void on(HandoverCompletedEvent e) {
        if (e.newAdministratorId() == null) {
            return;
        }
        accounts.findById(e.accountId()).filter(row -> !row.administrators().contains(e.newAdministratorId()))
                .ifPresent(row -> {
                    List<String> administrators = new ArrayList<>(row.administrators());
                    administrators.add(e.newAdministratorId());
                    accounts.update(new AccountAdministratorLookup(row.accountId(), row.schoolId(), administrators,
                            row.closed()));
                });
    }

    @EventHandler
    void on(AccountClosedEvent e) {
        accounts.findById(e.accountId()).ifPresent(row -> accounts.update(new AccountAdministratorLookup(
                row.accountId(), row.schoolId(), row.administrators(), true)));
    }

    @Override
    public Optional<Account> find(String schoolId, String accountId) {
        return accounts.findById(accountId).filter(row -> row.schoolId().equals(schoolId))
                .map(row -> new Account(row.administrators(), row.closed()));
    }

    /**
     * ACC-7: the handover process asks which accounts a leaver runs. This look-up is written in the
     * transaction of the events, so it has every account and transfer stored before the leaving, which
     * the accounts read model (a streaming processor) may not have yet.
     */
    @Override
    public List<String> administeredBy(String schoolId, String staffId) {
        return accounts.findBySchoolIdAndClosed(schoolId, false).stream()
                .filter(row -> row.administrators().contains(staffId))
                .map(AccountAdministratorLookup::accountId)
                .toList();
    }
}
