package uk.schoolsocial.platform.error;

/**
 * A stable, machine-readable reason for refusing a request. Each service keeps its codes in an
 * enum implementing this, so the code names the rule and the kind decides the HTTP status.
 */
public interface ErrorCode {

    String name();

    ErrorKind kind();
}
