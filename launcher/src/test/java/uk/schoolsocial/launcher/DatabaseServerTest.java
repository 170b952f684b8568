package uk.schoolsocial.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DatabaseServerTest {

    @Test
    void aSchemaIsAppendedToAServerUrl() {
        DatabaseServer server = new DatabaseServer("jdbc:mysql://127.0.0.1:3306", "root", "");

        assertEquals("jdbc:mysql://127.0.0.1:3306/smp_account", server.schemaUrl("smp_account"));
        assertEquals("jdbc:mysql://127.0.0.1:3306/", server.serverUrl());
    }

    @Test
    void aTrailingSlashOrDatabaseInTheUrlIsReplacedByTheSchema() {
        assertEquals("jdbc:mysql://h:1/smp_consent",
                new DatabaseServer("jdbc:mysql://h:1/", "u", "").schemaUrl("smp_consent"));
        assertEquals("jdbc:mysql://h:1/smp_consent",
                new DatabaseServer("jdbc:mysql://h:1/test", "u", "").schemaUrl("smp_consent"));
    }

    @Test
    void queryParametersApplyToEverySchema() {
        DatabaseServer server = new DatabaseServer("jdbc:mysql://h:1/?sslMode=REQUIRED&x=1", "u", "");

        assertEquals("jdbc:mysql://h:1/smp_incident?sslMode=REQUIRED&x=1", server.schemaUrl("smp_incident"));
    }
}
