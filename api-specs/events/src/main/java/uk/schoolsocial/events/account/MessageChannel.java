package uk.schoolsocial.events.account;

/** ACC-8: where on the official account a comment, query or complaint arrived. */
public enum MessageChannel {
    POST_COMMENT, DIRECT_MESSAGE, MENTION, REVIEW, OTHER
}
