package uk.schoolsocial.platform.audit;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The event stores the service's processors read, by the name their gaps are journalled under:
 * {@code own} for its own store, and each other service's it follows.
 */
@Singleton
public final class EventSources {

    public static final String OWN = "own";

    private final Map<String, DataSource> sources = new ConcurrentHashMap<>();

    public void register(String name, DataSource events) {
        sources.put(name, events);
    }

    public Map<String, DataSource> all() {
        return Map.copyOf(sources);
    }
}
