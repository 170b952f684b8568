package uk.schoolsocial.incident;

import java.util.HashMap;
import java.util.Map;
import uk.schoolsocial.platform.testing.DatabaseTest;
import uk.schoolsocial.platform.testing.TestDatabase;

/**
 * A {@link DatabaseTest} for incident-service, which also needs account-service's event store: each
 * test context gets a second schema holding an empty one, as its {@code accountevents} datasource.
 */
public interface IncidentDatabaseTest extends DatabaseTest {

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        Map<String, Object> upstream = TestDatabase.newSchema(getClass().getSimpleName() + "_account");
        String url = String.valueOf(upstream.get("datasources.default.url"));
        String user = String.valueOf(upstream.get("datasources.default.username"));
        String password = String.valueOf(upstream.get("datasources.default.password"));
        AccountServiceEvents.createStore(url, user, password);
        properties.put("datasources.accountevents.url", url);
        properties.put("datasources.accountevents.username", user);
        properties.put("datasources.accountevents.password", password);
        return properties;
    }
}
