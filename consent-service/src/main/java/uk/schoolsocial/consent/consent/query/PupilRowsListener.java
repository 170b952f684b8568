package uk.schoolsocial.consent.consent.query;

/**
 * Follows the roster and consent rows as this feature's projections write them, in the handler call
 * that writes each one (so inside the processor's transaction, before it commits): the publication
 * check keeps its copy in memory this way (CON-4). Declared here, by the side that writes, so that the
 * publication feature, which reads these rows, depends on this one and not the other way round as well
 * (issue 17).
 */
public interface PupilRowsListener {

    /** A roster row (CON-6) with its objection (CON-2), as {@code PupilRosterProjection} wrote it. */
    void apply(PupilView row);

    /** A pupil's consent on one channel (CON-1, CON-3), as {@code PupilConsentProjection} wrote it. */
    void apply(ChannelConsentView row);

    /** AUD-4: an erasure removed pupils' rows in the current unit of work; forget them once it commits. */
    void reloadAfterErasure();
}
