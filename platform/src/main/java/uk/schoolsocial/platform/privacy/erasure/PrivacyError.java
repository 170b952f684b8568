package uk.schoolsocial.platform.privacy.erasure;

import uk.schoolsocial.platform.error.ErrorCode;
import uk.schoolsocial.platform.error.ErrorKind;

/** Refusals of the erasure API (AUD-4). */
public enum PrivacyError implements ErrorCode {
    /** A hold keeps a record about the subject (the law or a legal hold): the problem names each hold and its end. */
    ERASURE_HELD(ErrorKind.CONFLICT),
    /** A legal hold can be released once. */
    HOLD_RELEASED(ErrorKind.CONFLICT);

    private final ErrorKind kind;

    PrivacyError(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
