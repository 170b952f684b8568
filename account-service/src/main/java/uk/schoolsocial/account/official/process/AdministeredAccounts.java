package uk.schoolsocial.account.official.process;

import java.util.List;

/** ACC-7: the open accounts a member of staff administers, for the handover process to check. */
public interface AdministeredAccounts {

    List<String> administeredBy(String schoolId, String staffId);
}
