package uk.schoolsocial.gateway.openapi;

/** The service specs cannot be merged without losing or changing one of them. */
final class SpecMergeException extends RuntimeException {

    SpecMergeException(String message) {
        super(message);
    }
}
