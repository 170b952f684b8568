package uk.schoolsocial.consent.publication.command;

import uk.schoolsocial.platform.error.ErrorCode;
import uk.schoolsocial.platform.error.ErrorKind;

/** Why a publication command was refused. */
public enum PublicationError implements ErrorCode {
    /** CON-5: the check of this content did not pass, or was of other content. */
    CHECK_NOT_PASSED(ErrorKind.RULE_VIOLATED),
    /** CON-2, CON-3, CON-6: nothing asks for this publication to come down, or it already has. */
    NO_OPEN_TAKEDOWN(ErrorKind.CONFLICT),
    /** CON-6: no leaver's review is open for this publication, or it was removed. */
    NO_OPEN_REVIEW(ErrorKind.CONFLICT),
    /** Another school's publication: it does not exist for this caller. */
    NOT_FOUND(ErrorKind.NOT_FOUND);

    private final ErrorKind kind;

    PublicationError(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
