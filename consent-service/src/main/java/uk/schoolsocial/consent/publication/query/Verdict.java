package uk.schoolsocial.consent.publication.query;

import java.util.List;

/**
 * The answer of the publication check (CON-4): allowed only without a single reason against.
 *
 * @param checkId the content's id, cited when the publication is registered (CON-5)
 */
public record Verdict(boolean allowed, String checkId, List<Reason> reasons) {

    static final String ACCOUNT_NOT_LIVE = "ACCOUNT_NOT_LIVE";
    static final String ACCOUNT_NOT_YET_KNOWN = "ACCOUNT_NOT_YET_KNOWN";

    boolean refuses(String code) {
        return reasons.stream().anyMatch(reason -> reason.code().equals(code));
    }

    /**
     * CON-4: this service has not read account-service's latest events in time, so whether the account is
     * live is not known here yet: said so, in place of a refusal that may be false.
     */
    Verdict accountNotYetKnown() {
        return new Verdict(false, checkId, reasons.stream()
                .map(reason -> !reason.code().equals(ACCOUNT_NOT_LIVE) ? reason : new Reason(ACCOUNT_NOT_YET_KNOWN,
                        null, reason.field(), "account-service has recorded changes this service has not read yet,"
                        + " so whether the account is live is not known here; check again in a moment"))
                .toList());
    }

    /**
     * One reason against publishing.
     *
     * @param pupilId the pupil it concerns, or null for the account
     * @param field   the request field it concerns ({@code caption}, {@code altText}, {@code officialAccountId})
     */
    public record Reason(String code, String pupilId, String field, String detail) {
    }
}
