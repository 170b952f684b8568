package uk.schoolsocial.launcher;

import java.util.Objects;

/**
 * Where the services find their MySQL-compatible server, embedded or external. Services use
 * MySQL Connector/J, so only {@code jdbc:mysql://} URLs are accepted: a {@code jdbc:mariadb://}
 * URL would start the launcher and then fail in every service.
 *
 * @param url server URL, e.g. {@code jdbc:mysql://127.0.0.1:3306}; a path is ignored, query
 *     parameters are kept for every schema
 * @param user account the services log in with
 * @param password its password, possibly empty
 */
public record DatabaseServer(String url, String user, String password) {

    private static final String SCHEME = "jdbc:mysql://";

    public DatabaseServer {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!url.startsWith(SCHEME) || url.length() == SCHEME.length()) {
            throw new IllegalArgumentException(
                    "database URL must look like jdbc:mysql://HOST:PORT, was: " + url);
        }
    }

    /** @return the URL without a schema, for creating the schemas */
    public String serverUrl() {
        return schemaUrl("");
    }

    /**
     * @param schema a schema name, e.g. {@code smp_account}
     * @return the JDBC URL a service uses for that schema
     */
    public String schemaUrl(String schema) {
        int queryStart = url.indexOf('?');
        String withoutQuery = queryStart < 0 ? url : url.substring(0, queryStart);
        String query = queryStart < 0 ? "" : url.substring(queryStart);
        int pathStart = withoutQuery.indexOf('/', SCHEME.length());
        String hostAndPort = pathStart < 0 ? withoutQuery : withoutQuery.substring(0, pathStart);
        return hostAndPort + "/" + schema + query;
    }

    /** Masks the password: configurations end up in logs and test reports. */
    @Override
    public String toString() {
        return "DatabaseServer[url=" + url + ", user=" + user + ", password=***]";
    }
}
