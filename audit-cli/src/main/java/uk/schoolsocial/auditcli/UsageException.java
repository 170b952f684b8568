package uk.schoolsocial.auditcli;

/** The command was given something it cannot use (a missing file, an unreadable key...): exit 2. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
