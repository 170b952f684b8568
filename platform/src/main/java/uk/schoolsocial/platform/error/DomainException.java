package uk.schoolsocial.platform.error;

import java.util.List;

/**
 * A business rule refused a request; nothing changed. Thrown by aggregates and query handlers,
 * turned into {@code application/problem+json} with the status of the code's kind.
 */
public class DomainException extends RuntimeException {

    private final transient ErrorCode code;
    private final List<FieldError> errors;

    public DomainException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public DomainException(ErrorCode code, String message, List<FieldError> errors) {
        super(message);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public ErrorDetails details() {
        return new ErrorDetails(code.name(), code.kind(), getMessage(), errors);
    }
}
