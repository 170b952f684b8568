package uk.schoolsocial.account.declaration.command;

import uk.schoolsocial.platform.error.ErrorCode;
import uk.schoolsocial.platform.error.ErrorKind;

/** Why a relationship declaration command was refused. */
public enum DeclarationError implements ErrorCode {
    /** ACC-10: a field is missing; every one is named. */
    INCOMPLETE_DECLARATION(ErrorKind.INVALID),
    /** ACC-10: no one decides their own declaration. */
    OWN_DECLARATION(ErrorKind.FORBIDDEN),
    /** ACC-10: it was decided already. */
    ALREADY_DECIDED(ErrorKind.CONFLICT),
    /** Another school's declaration. */
    NOT_FOUND(ErrorKind.NOT_FOUND);

    private final ErrorKind kind;

    DeclarationError(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
