package uk.schoolsocial.platform.error;

import java.util.List;

/**
 * What a refused command tells its sender: carried as the details of Axon's
 * {@code CommandExecutionException}, so it survives a distributed command bus.
 */
public record ErrorDetails(String code, ErrorKind kind, String message, List<FieldError> errors) {

    public ErrorDetails {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
