package uk.schoolsocial.platform.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@link DatabaseTest} for a service that follows account-service's events: each test context
 * also gets a second schema holding an empty account-service event store, as its read-only
 * {@code accountevents} datasource (docs/runtime-contract.md). Fill it with {@link AccountServiceEvents}.
 */
public interface AccountEventsDatabaseTest extends DatabaseTest {

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
