package uk.schoolsocial.auditcli.remote;

/** The suite could not be reached, or refused or failed the request: exit 3. */
public class SuiteException extends RuntimeException {

    public SuiteException(String message) {
        super(message);
    }

    public SuiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
