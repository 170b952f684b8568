package uk.schoolsocial.launcher;

/**
 * The TCP ports of one running suite. Tests pick a free block with {@link #startingAt(int)} so
 * they never collide with a suite a developer already has running on the defaults.
 *
 * @param gateway the gateway, the only entry point clients use
 * @param account account-service
 * @param incident incident-service
 * @param consent consent-service
 * @param database the embedded MariaDB (unused when an external database is configured)
 */
public record Ports(int gateway, int account, int incident, int consent, int database) {

    /** The ports of the runtime contract, plus 3307 so the embedded database never takes 3306. */
    public static final Ports DEFAULTS = new Ports(8080, 8081, 8082, 8083, 3307);

    public Ports {
        for (int port : new int[] {gateway, account, incident, consent, database}) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("not a TCP port: " + port);
            }
        }
    }

    /**
     * Five consecutive ports: gateway, account, incident, consent, database.
     *
     * @param first the gateway's port
     * @return the block starting at {@code first}
     */
    public static Ports startingAt(int first) {
        return new Ports(first, first + 1, first + 2, first + 3, first + 4);
    }
}
