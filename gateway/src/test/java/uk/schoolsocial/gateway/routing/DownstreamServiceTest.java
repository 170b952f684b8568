package uk.schoolsocial.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 13: the instances of a service take requests in turn; one that cannot be reached is passed over. */
class DownstreamServiceTest {

    private static final URI FIRST = URI.create("http://127.0.0.1:18081");
    private static final URI SECOND = URI.create("http://127.0.0.1:18091");

    @Test
    void requestsGoToTheInstancesInTurn() {
        DownstreamService service = new DownstreamService("turns", FIRST, List.of(SECOND), List.of("turns"));
        URI one = service.next();
        URI two = service.next();
        assertEquals(Set.of(FIRST, SECOND), new HashSet<>(List.of(one, two)));
        assertEquals(one, service.next());
        assertEquals(URI.create("http://127.0.0.1:18091/api/v1/turns/1?a=b"),
                service.target(SECOND, URI.create("/api/v1/turns/1?a=b")));
        assertEquals(SECOND, service.other(FIRST));
        assertEquals(FIRST, service.other(SECOND));
    }

    @Test
    void anInstanceThatCannotBeReachedIsPassedOverWhileAnotherIsLeft() {
        URI down = URI.create("http://127.0.0.1:18092");
        URI up = URI.create("http://127.0.0.1:18082");
        DownstreamService service = new DownstreamService("passed-over", up, List.of(down), List.of("passed"));
        DownstreamService.unreachable(down);
        for (int i = 0; i < 4; i++) {
            assertEquals(up, service.next());
        }
    }

    @Test
    void oneInstanceAlwaysTakesTheRequest() {
        DownstreamService service = new DownstreamService("alone", FIRST, null, List.of("alone"));
        DownstreamService.unreachable(FIRST);
        assertEquals(FIRST, service.next());
        assertEquals(FIRST, service.other(FIRST));
    }
}
