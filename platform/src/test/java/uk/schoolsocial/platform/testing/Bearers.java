package uk.schoolsocial.platform.testing;

import static uk.schoolsocial.platform.testing.TestTokens.OTHER_SCHOOL;
import static uk.schoolsocial.platform.testing.TestTokens.SCHOOL;
import static uk.schoolsocial.platform.testing.TestTokens.bearer;

/**
 * The people most service tests act as, one of each role at {@link TestTokens#SCHOOL} and a few of
 * another school, minted once for the test run rather than once per class. A test that needs a
 * person of its own (an applicant named in a record, a school of its own) mints one with
 * {@link TestTokens#bearer} or {@link TestTokens.School}.
 */
public final class Bearers {

    public static final String STAFF = bearer("staff-1", SCHOOL, "STAFF");
    public static final String OTHER_STAFF = bearer("staff-2", SCHOOL, "STAFF");
    public static final String SLT = bearer("slt-1", SCHOOL, "SLT");
    public static final String DSL = bearer("dsl-1", SCHOOL, "DSL");
    public static final String ADMIN = bearer("admin-1", SCHOOL, "ACCOUNT_ADMIN");
    public static final String PARENT = bearer("parent-1", SCHOOL, "PARENT");
    public static final String OTHER_PARENT = bearer("parent-2", SCHOOL, "PARENT");
    public static final String AUDITOR = bearer("auditor-1", SCHOOL, "AUDITOR");
    public static final String MIS = bearer("mis-1", SCHOOL, "INTEGRATION");
    /** Every role at once, so that no operation answers 403 before it reads the request. */
    public static final String ANYONE = bearer("any-1", SCHOOL, StrictInput.EVERY_ROLE);
    public static final String OTHER_SCHOOL_SLT = bearer("slt-9", OTHER_SCHOOL, "SLT");
    public static final String OTHER_MIS = bearer("mis-9", OTHER_SCHOOL, "INTEGRATION");

    private Bearers() {
    }
}
