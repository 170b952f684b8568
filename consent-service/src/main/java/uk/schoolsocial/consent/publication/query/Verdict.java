package uk.schoolsocial.consent.publication.query;

import java.util.List;

/**
 * The answer of the publication check (CON-4): allowed only without a single reason against.
 *
 * @param checkId the content's id, cited when the publication is registered (CON-5)
 */
public record Verdict(boolean allowed, String checkId, List<Reason> reasons) {

    /**
     * One reason against publishing.
     *
     * @param pupilId the pupil it concerns, or null for the account
     * @param field   the request field it concerns ({@code caption}, {@code altText}, {@code officialAccountId})
     */
    public record Reason(String code, String pupilId, String field, String detail) {
    }
}
