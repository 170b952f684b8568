package uk.schoolsocial.platform.identity;

/** The roles of DOMAIN.md, as they appear in tokens and {@code @Secured} ({@link Role} as an enum). */
public final class Roles {
    public static final String STAFF = "STAFF";
    public static final String SLT = "SLT";
    public static final String DSL = "DSL";
    public static final String ACCOUNT_ADMIN = "ACCOUNT_ADMIN";
    public static final String PARENT = "PARENT";
    public static final String AUDITOR = "AUDITOR";
    public static final String INTEGRATION = "INTEGRATION";
    /**
     * Not a school role: whoever runs the deployment (on call), for its operations endpoints
     * (docs/operations.md). The gateway passes on only the seven roles above, so this one comes only
     * in an internal token signed with the deployment's secret, sent to a service directly.
     */
    public static final String OPERATOR = "OPERATOR";

    private Roles() {
    }
}
