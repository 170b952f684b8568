package uk.schoolsocial.consent.officialaccount.query;

/**
 * Follows the rows of {@code official_live_account_view} as {@link OfficialAccountProjection} writes
 * them, in the handler call that writes each one (so inside the processor's transaction, before it
 * commits): the publication check keeps its copy in memory this way (CON-4). Declared here, by the side
 * that writes, so that the publication feature, which reads these rows, depends on this one and not the
 * other way round as well (issue 17).
 */
public interface LiveAccountRowsListener {

    /** An official account and where it stands, as {@link OfficialAccountProjection} wrote it. */
    void apply(OfficialLiveAccountView row);
}
