package uk.schoolsocial.events.account;

/** ACC-8: what an official account received that needs an answer. */
public enum MessageType {
    COMMENT, QUERY, COMPLAINT
}
