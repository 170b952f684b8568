package uk.schoolsocial.launcher;

/**
 * The suite could not be started. The message is written for the person at the terminal: it
 * names the process or setting at fault and, for a process, ends with the tail of its log.
 */
public class SuiteStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SuiteStartException(String message) {
        super(message);
    }

    public SuiteStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
