package uk.schoolsocial.account.application.command;

/**
 * ACC-3: SLT accepts that {@code word}, a current staff member's surname that the proposed name or
 * handle contains, is the school's own word there (an ordinary word or a place), for this
 * application only, with a reason.
 */
public record NameClashAcceptance(String word, String reason) {

    /** As long as a surname on the roster may be. */
    static final int MAX_WORD = 120;
    static final int MAX_REASON = 2000;
}
