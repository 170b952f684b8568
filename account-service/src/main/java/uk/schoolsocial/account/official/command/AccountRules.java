package uk.schoolsocial.account.official.command;

import java.time.Duration;
import java.time.Period;

/**
 * Tunables of the account rules, from configuration ({@code smp.account.*}).
 *
 * @param reviewPeriod ACC-9: how long until an account's purpose is due for review
 * @param handoverDue  ACC-7: how long a handover may take when the school learns of a leaving date that has
 *                     already ended (otherwise it is due when the leaving date ends)
 */
public record AccountRules(Period reviewPeriod, Duration handoverDue) {

    public static final AccountRules DEFAULT = new AccountRules(Period.ofYears(1), Duration.ofDays(14));
}
