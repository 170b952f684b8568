package uk.schoolsocial.account.roster.command;

/** What a roster push changed: the events it caused, counted. */
public record SyncResult(int added, int updated, int left, int unchanged) {
}
