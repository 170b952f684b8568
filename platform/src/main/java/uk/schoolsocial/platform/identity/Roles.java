package uk.schoolsocial.platform.identity;

/** The roles of DOMAIN.md, as they appear in tokens and {@code @Secured}. */
public final class Roles {
    public static final String STAFF = "STAFF";
    public static final String SLT = "SLT";
    public static final String DSL = "DSL";
    public static final String ACCOUNT_ADMIN = "ACCOUNT_ADMIN";
    public static final String PARENT = "PARENT";
    public static final String AUDITOR = "AUDITOR";
    public static final String INTEGRATION = "INTEGRATION";

    private Roles() {
    }
}
