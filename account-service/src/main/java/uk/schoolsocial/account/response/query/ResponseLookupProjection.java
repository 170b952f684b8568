package uk.schoolsocial.account.response.query;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.account.official.process.AdministeredAccounts;
import uk.schoolsocial.account.response.command.AccountAdministrators;
import uk.schoolsocial.account.response.command.SchoolHolidays;
import uk.schoolsocial.events.account.AccountClosedEvent;
import uk.schoolsocial.events.account.AccountProvisionedEvent;
import uk.schoolsocial.events.account.AdministratorLeftEvent;
import uk.schoolsocial.events.account.HandoverCompletedEvent;
import uk.schoolsocial.events.account.SchoolHoliday;
import uk.schoolsocial.events.account.SchoolHolidaysSetEvent;

/**
 * The look-ups the response rule checks (ACC-8): who administers each account, and each school's
 * holidays. Runs in a subscribing processor, in the transaction of the events, so a transfer or a
 * new holiday counts for the very next command. Upserts, so re-applying the events gives the same rows.
 */
@Singleton
@ProcessingGroup(ResponseLookupProjection.GROUP)
public class ResponseLookupProjection implements AccountAdministrators, AdministeredAccounts, SchoolHolidays {

    public static final String GROUP = "account-response-lookups";
    private final AccountAdministratorLookupRepository accounts;
    private final SchoolHolidayLookupRepository calendars;

    ResponseLookupProjection(AccountAdministratorLookupRepository accounts, SchoolHolidayLookupRepository calendars) {
        this.accounts = accounts;
        this.calendars = calendars;
    }

    @EventHandler
    void on(AccountProvisionedEvent e) {
        if (!accounts.existsById(e.accountId())) {
            accounts.save(new AccountAdministratorLookup(e.accountId(), e.schoolId(), e.administrators(), false));
        }
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

    @EventHandler
    void on(SchoolHolidaysSetEvent e, @SequenceNumber long version) {
        SchoolHolidayLookup row = new SchoolHolidayLookup(e.schoolId(), version, e.holidays().stream()
                .map(h -> new Holiday(h.firstDay(), h.lastDay(), h.name())).toList(), e.at());
        if (calendars.existsById(row.schoolId())) {
            calendars.update(row);
        } else {
            calendars.save(row);
        }
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

    @Override
    public List<SchoolHoliday> of(String schoolId) {
        return calendars.findById(schoolId).map(row -> row.holidays().stream()
                .map(h -> new SchoolHoliday(h.firstDay(), h.lastDay(), h.name())).toList()).orElse(List.of());
    }
}
