package uk.schoolsocial.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.e2e.KeyedWriters.Attempt;
import uk.schoolsocial.e2e.KeyedWriters.Kind;
import uk.schoolsocial.e2e.KeyedWriters.Write;

/**
 * Issue 11, no acknowledged write lost or doubled: clients write incidents and applications, each
 * write retried with its Idempotency-Key until acknowledged ({@link KeyedWriters}), while
 * incident-service is killed with SIGKILL (the launcher starts it again) and then the database is
 * frozen with SIGSTOP for longer than the gateway's HTTP timeout. Afterwards every acknowledged
 * write is stored once, readable, listed once and in an intact chain, and sending it again with its
 * key answers the same without a new event. No answer may be a 500 (a dead service is 502, a frozen
 * database 504) and no write may stay unacknowledged. The figures are printed either way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WritesUnderFaultsE2E {

    @RegisterExtension
    static final SuiteApi SUITE = SuiteApi.launched("writes-under-faults", 18680);

    private static final int CLIENTS_PER_KIND = 2;
    /** The gateway's proxy client has Micronaut's default read timeout; gateway/application.yml does not set it. */
    private static final Duration GATEWAY_READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FREEZE = GATEWAY_READ_TIMEOUT.plusSeconds(4);
    /** A client retries one write with its key this long, then gives up on it (it is then not acknowledged). */
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(90);

    private final Map<String, String> tokens = new HashMap<>();
    private volatile ProcessHandle frozen;

    @BeforeAll
    void takeTokensAndRosterStaff() {
        for (String user : List.of("staff", "slt", "auditor", "mis")) {
            tokens.put(user, SUITE.token(user));
        }
        as("mis").body(Map.of("records", List.of(
                        Map.of("staffId", "staff-1", "forename", "Jane", "surname", "Smith"),
                        Map.of("staffId", "staff-2", "forename", "Omar", "surname", "Khan"))))
                .post("/api/v1/staff/sync").then().statusCode(200);
    }

    /** Before the suite stops (SuiteApi, after the class): a frozen process would not stop. */
    @AfterAll
    void resumeFrozen() {
        ProcessHandle stillFrozen = frozen;
        if (stillFrozen != null) {
            ProcessSignals.resume(stillFrozen);
        }
    }

    /** How long after each fault incidents could be read, and writes were acknowledged, again. */
    private record Recovery(Duration readableAfterKill, Duration writableAfterKill, Duration readableAfterThaw,
                            Duration incidentsAfterThaw, Duration applicationsAfterThaw, long timeoutsInFreeze) {
    }

    @Test
    void acknowledgedWritesSurviveAKilledServiceAndAFrozenDatabase() throws Exception {
        KeyedWriters writers = new KeyedWriters(SUITE.gatewayUrl(), tokens.get("staff"), tokens.get("slt"),
                GATEWAY_READ_TIMEOUT.multipliedBy(2), GIVE_UP_AFTER);
        Instant began = Instant.now();
        writers.start(CLIENTS_PER_KIND);
        Recovery recovery;
        boolean finished;
        try {
            recovery = faults(writers, began);
        } finally {
            finished = writers.finish();
        }
        assertTrue(finished, "the clients finish the writes under way");
        Duration writing = Duration.between(began, Instant.now());
        List<Write> writes = writers.writes;

        List<String> problems = new ArrayList<>();
        if (recovery.timeoutsInFreeze() == 0) {
            problems.add("no write answered 504 while the database was frozen: the freeze did not outlast the gateway's timeout");
        }
        List<Write> answered500 = writes.stream()
                .filter(write -> write.attempts.stream().anyMatch(attempt -> attempt.status() == 500)).toList();
        if (!answered500.isEmpty()) {
            problems.add(answered500.size() + " writes were answered 500 (no fault explains a 500: a dead service is"
                    + " 502, a frozen database 504), e.g. " + answered500.get(0).key + " " + answered500.get(0).statuses());
        }
        List<Write> neverAcknowledged = writes.stream()
                .filter(write -> write.acknowledged().isEmpty() && !write.applied()).toList();
        if (!neverAcknowledged.isEmpty()) {
            problems.add(neverAcknowledged.size() + " writes were never acknowledged (each retried with its key until"
                    + " refused with a 4xx or for " + GIVE_UP_AFTER.toSeconds() + "s), e.g. " + neverAcknowledged.get(0).key
                    + " " + neverAcknowledged.get(0).statuses());
        }
        Verification before = verify(writes, problems);
        Map<String, Integer> replays = replayEveryWrite(writers, problems);
        Verification after = verify(writes, new ArrayList<>());
        for (Write write : writes) {
            int was = before.events().getOrDefault(write.key, 0);
            int now = after.events().getOrDefault(write.key, 0);
            if (write.acknowledged().isPresent() && now != was) {
                problems.add(write.key + ": sending the acknowledged write again with its key changed its events from "
                        + was + " to " + now);
            } else if (now > 1) {
                problems.add(write.key + ": stored " + now + " times after it was sent again with its key");
            }
        }

        String figures = figures(writers, before, writing, recovery, replays);
        System.out.println(figures);
        assertTrue(problems.isEmpty(), () -> figures + "\nProblems:\n  " + String.join("\n  ", problems));
        assertTrue(writes.stream().filter(write -> write.acknowledged().isPresent()).count() >= 20,
                () -> "too few writes acknowledged to show anything\n" + figures);
    }

    /** The faults, in turn, each once writes are acknowledged again after the one before. */
    private Recovery faults(KeyedWriters writers, Instant began) throws InterruptedException {
        writers.awaitAcknowledged(Kind.INCIDENT, began, Duration.ofSeconds(60));
        writers.awaitAcknowledged(Kind.APPLICATION, began, Duration.ofSeconds(60));
        Thread.sleep(3000);

        ProcessHandle incidentService = ProcessSignals.recorded(SUITE.suite().dataDir(), "incident-service");
        Instant killedAt = Instant.now();
        incidentService.destroyForcibly();
        Duration readableAfterKill = writers.awaitReadable(Kind.INCIDENT, killedAt, Duration.ofSeconds(180));
        Duration writableAfterKill = writers.awaitAcknowledged(Kind.INCIDENT, killedAt, Duration.ofSeconds(180));
        assertTrue(ProcessSignals.recorded(SUITE.suite().dataDir(), "incident-service").pid() != incidentService.pid(),
                "incident-service answers again, so the launcher must have started a new process");
        Thread.sleep(3000);

        ProcessHandle database = ProcessSignals.recorded(SUITE.suite().dataDir(), "mariadb");
        frozen = database;
        Instant frozenAt = Instant.now();
        try {
            ProcessSignals.stop(database);
            Thread.sleep(FREEZE.toMillis());
        } finally {
            ProcessSignals.resume(database);
            frozen = null;
        }
        Instant thawedAt = Instant.now();
        Duration readableAfterThaw = writers.awaitReadable(Kind.INCIDENT, thawedAt, Duration.ofSeconds(90));
        Duration incidentsAfterThaw = writers.awaitAcknowledged(Kind.INCIDENT, thawedAt, Duration.ofSeconds(90));
        Duration applicationsAfterThaw = writers.awaitAcknowledged(Kind.APPLICATION, thawedAt, Duration.ofSeconds(90));
        Thread.sleep(3000);
        return new Recovery(readableAfterKill, writableAfterKill, readableAfterThaw, incidentsAfterThaw,
                applicationsAfterThaw, writers.answered(504, frozenAt, thawedAt));
    }

    /** @param events how many of its kind's creating events each write's key (its correlation id) has */
    private record Verification(Map<String, Integer> events, int lost, int duplicated) {
    }

    private Verification verify(List<Write> writes, List<String> problems) {
        Map<String, Integer> events = new HashMap<>();
        Map<String, String> aggregates = new HashMap<>();
        Map<Kind, Map<String, Long>> listed = new HashMap<>();
        for (Kind kind : Kind.values()) {
            for (Map<String, Object> event : all("auditor", "/api/v1/audit/" + kind.service + "/events",
                    Map.of("type", kind.event), 1000)) {
                String key = String.valueOf(event.get("correlationId"));
                events.merge(key, 1, Integer::sum);
                aggregates.put(key, String.valueOf(event.get("aggregateId")));
            }
            Map<String, Object> verification = as("auditor").post("/api/v1/audit/" + kind.service + "/verifications")
                    .then().statusCode(200).extract().jsonPath().getMap("");
            if (!Boolean.TRUE.equals(verification.get("intact"))) {
                problems.add(kind.service + "'s chain is not intact: " + verification);
            }
            listed.put(kind, all("slt", kind.path, Map.of(), 200).stream()
                    .collect(Collectors.groupingBy(item -> String.valueOf(item.get("id")), Collectors.counting())));
        }
        int lost = 0;
        int duplicated = 0;
        for (Write write : writes) {
            int stored = events.getOrDefault(write.key, 0);
            if (stored > 1) {
                duplicated++;
                problems.add(write.key + ": stored " + stored + " times; attempts " + write.statuses());
            }
            if (write.acknowledged().isEmpty()) {
                if (write.applied() && stored != 1) {
                    lost++;
                    problems.add(write.key + " was said to be applied (its answer lost) but is stored " + stored
                            + " times; attempts " + write.statuses());
                }
                continue;
            }
            List<String> missing = missing(write, stored, aggregates.get(write.key), listed.get(write.kind));
            if (!missing.isEmpty()) {
                lost++;
                problems.add(write.key + " was acknowledged as " + write.id() + " but is missing "
                        + String.join(", ", missing) + "; attempts " + write.statuses());
            }
        }
        return new Verification(events, lost, duplicated);
    }

    /** @return what of an acknowledged write cannot be found: its event, its place in the list, a read of it */
    private List<String> missing(Write write, int stored, String eventAggregate, Map<String, Long> listed) {
        String id = write.id();
        List<String> missing = new ArrayList<>();
        if (stored == 0) {
            missing.add("its event");
        } else if (!id.equals(eventAggregate)) {
            missing.add("an event of its record (the event is of " + eventAggregate + ")");
        }
        if (listed.getOrDefault(id, 0L) != 1) {
            missing.add("once in the list (listed " + listed.getOrDefault(id, 0L) + " times)");
        }
        Response read = as("slt").get(write.kind.path + "/" + id);
        if (read.statusCode() != 200 || !read.asString().contains(write.key)) {
            missing.add("a read of it (" + read.statusCode() + ")");
        }
        return missing;
    }

    /** Sends every write again with its key. @return how often each answer came, e.g. {@code 201 replayed} */
    private Map<String, Integer> replayEveryWrite(KeyedWriters writers, List<String> problems) {
        Map<String, Integer> answers = new TreeMap<>();
        for (Write write : writers.writes) {
            Attempt again = writers.send(write);
            Optional<Attempt> acknowledged = write.acknowledged();
            answers.merge(again.status() + (again.replayed() ? " replayed" : "")
                    + (acknowledged.isPresent() ? " (acknowledged before)" : " (never acknowledged)"), 1, Integer::sum);
            if (acknowledged.isPresent() && (again.status() != acknowledged.get().status() || !again.replayed()
                    || !acknowledged.get().location().equals(again.location()))) {
                problems.add(write.key + ": sent again with its key, answered " + again.status() + " replayed="
                        + again.replayed() + " at " + again.location() + ", first " + acknowledged.get().status()
                        + " at " + acknowledged.get().location());
            }
        }
        return answers;
    }

    private String figures(KeyedWriters writers, Verification verification, Duration writing, Recovery recovery,
                           Map<String, Integer> replays) {
        List<Write> writes = writers.writes;
        long acknowledged = writes.stream().filter(write -> write.acknowledged().isPresent()).count();
        long retried = writes.stream().filter(write -> write.attempts.size() > 1).count();
        long unacknowledgedButStored = writes.stream().filter(write -> write.acknowledged().isEmpty())
                .filter(write -> verification.events().getOrDefault(write.key, 0) > 0).count();
        long applied = writes.stream().filter(write -> write.acknowledged().isEmpty() && write.applied()).count();
        return String.format("Writes under faults (issue 11): %d clients for %ds%n"
                        + "  writes %d, acknowledged %d, not acknowledged %d (of which stored anyway %d; answered"
                        + " 409 IDEMPOTENCY_KEY_APPLIED, their answer lost to the kill, %d), retried %d%n"
                        + "  lost %d, duplicated %d%n"
                        + "  SIGKILL of incident-service: incidents read again after %.1fs, acknowledged again after %.1fs%n"
                        + "  SIGSTOP of mariadbd for %ds (gateway timeout %ds): %d attempts answered 504; after SIGCONT"
                        + " incidents read again after %.1fs, acknowledged again after %.1fs, applications after %.1fs%n"
                        + "  statuses of all attempts: %s%n"
                        + "  every write sent again with its key afterwards: %s",
                2 * CLIENTS_PER_KIND, writing.toSeconds(), writes.size(), acknowledged, writes.size() - acknowledged,
                unacknowledgedButStored, applied, retried, verification.lost(), verification.duplicated(),
                seconds(recovery.readableAfterKill()), seconds(recovery.writableAfterKill()), FREEZE.toSeconds(),
                GATEWAY_READ_TIMEOUT.toSeconds(), recovery.timeoutsInFreeze(), seconds(recovery.readableAfterThaw()),
                seconds(recovery.incidentsAfterThaw()), seconds(recovery.applicationsAfterThaw()), writers.statuses(),
                replays);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** Every item of a paged list, following {@code page.nextCursor}. */
    private List<Map<String, Object>> all(String user, String path, Map<String, String> filter, int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification page = as(user).queryParams(filter).queryParam("limit", limit);
            if (cursor != null) {
                page.queryParam("cursor", cursor);
            }
            JsonPath body = page.get(path).then().statusCode(200).extract().jsonPath();
            items.addAll(body.getList("items"));
            cursor = body.getString("page.nextCursor");
        } while (cursor != null);
        return items;
    }

    private RequestSpecification as(String user) {
        return SUITE.request().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + tokens.get(user));
    }
}
