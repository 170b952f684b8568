package uk.schoolsocial.events.account;

/** Whether an official account is open, or private/closed with approved followers (ACC-1). */
public enum AccountPrivacy {
    OPEN, PRIVATE
}
