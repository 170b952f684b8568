package uk.schoolsocial.account.official.command;

import java.time.Instant;

/** ACC-7: a handover a departure opened, and when it is due. */
public record OpenedHandover(String accountId, String handoverId, Instant dueAt) {
}
