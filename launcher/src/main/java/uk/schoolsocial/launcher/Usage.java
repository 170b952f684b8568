package uk.schoolsocial.launcher;

/** The {@code --help} text: the launcher is configured by environment variables only. */
final class Usage {

    static final String TEXT =
            """
            Usage: java -jar launcher/target/launcher.jar
            Starts a database, account-service, incident-service, consent-service and the gateway.

            Environment variables (all optional):
              SMP_HOME                   project root with <module>/target/<module>.jar
                                         (default: the working directory or the launcher jar's, or a parent)
              SMP_DATA_DIR               database, secrets and logs (default: ~/.school-social)
              SMP_DB_URL                 external MySQL/MariaDB, e.g. jdbc:mysql://127.0.0.1:3306
                                         (default: embedded MariaDB)
              SMP_DB_USER, SMP_DB_PASSWORD  its account (default: root, empty)
              SMP_DB_PORT                embedded MariaDB port on 127.0.0.1 (default: 3307)
              SMP_GATEWAY_PORT, SMP_ACCOUNT_PORT, SMP_INCIDENT_PORT, SMP_CONSENT_PORT
                                         (default: 8080, 8081, 8082, 8083)
              SMP_INSTANCES              instances of each service, 1 to 9, against the one database; the gateway
                                         balances between them; instance n listens on the service's port
                                         + 10 * (n - 1) (default: 1)
              SMP_GATEWAY_HOST           interface the gateway binds to (default: 127.0.0.1)
              SMP_INTERNAL_TOKEN_SECRET  gateway-to-service signing secret, >= 32 characters
                                         (default: generated once into the data directory)
              SMP_ACCOUNT_CREDENTIALS_KEY  account-service's AES-256 key for credentials, base64
                                         (default: generated once into the data directory)
              SMP_PRIVACY_MASTER_KEY     the services' AES-256 key that wraps personal data keys, base64
                                         (default: generated once into the data directory)
              SMP_AUDIT_SIGNING_KEY      the services' Ed25519 audit checkpoint key, base64 PKCS#8
                                         (default: generated once into the data directory)
              SMP_JAVA_OPTS              options of each child JVM (default: %s)
              SMP_START_TIMEOUT_SECONDS  per process, until GET /health answers 200 (default: %d)
              SMP_VERBOSE                true: echo every process's output, prefixed with [name]
            """
                    .formatted(SuiteConfig.DEFAULT_JAVA_OPTS, SuiteConfig.DEFAULT_START_TIMEOUT.toSeconds());

    private Usage() {}
}
