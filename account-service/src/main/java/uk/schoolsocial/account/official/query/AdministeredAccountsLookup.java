package uk.schoolsocial.account.official.query;

import jakarta.inject.Singleton;
import java.util.List;
import uk.schoolsocial.account.official.process.AdministeredAccounts;

/** {@link AdministeredAccounts} over {@code account_view}. */
@Singleton
public class AdministeredAccountsLookup implements AdministeredAccounts {

    private final AccountViewRepository accounts;

    AdministeredAccountsLookup(AccountViewRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<String> administeredBy(String schoolId, String staffId) {
        return accounts.findBySchoolIdAndStatusNotEqual(schoolId, "CLOSED").stream()
                .filter(account -> account.administrators().contains(staffId))
                .map(AccountView::id)
                .toList();
    }
}
