package uk.schoolsocial.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time goes, from a JFR recording of a service JVM (bench/command-run.sh with
 * BENCH_PROFILE=1), in one measured window: CPU samples (self, inclusive by our methods, inclusive by
 * layer, by thread pool), and the wall-clock waits the recording sees: sleeps, JDBC socket reads (one
 * per round trip to the database, so their count per operation is the round trips per request),
 * monitor and park waits, garbage collection. Arguments: recording, window start and end (epoch ms),
 * operations in the window, a title.
 */
public final class JfrProfile {

    /** Inclusive attribution by layer: the first prefix matching a frame names it. */
    private static final List<String[]> LAYERS = List.of(
            new String[] {"uk.schoolsocial.platform.", "platform (our code)"},
            new String[] {"uk.schoolsocial.incident.", "incident-service (our code)"},
            new String[] {"uk.schoolsocial.gateway.", "gateway (our code)"},
            new String[] {"uk.schoolsocial.", "other of ours (events, generated API)"},
            new String[] {"org.axonframework.", "Axon"},
            new String[] {"com.mysql.", "Connector/J"},
            new String[] {"com.zaxxer.hikari.", "Hikari"},
            new String[] {"io.micronaut.data.", "Micronaut Data"},
            new String[] {"io.micronaut.validation.", "bean validation (Micronaut)"},
            new String[] {"jakarta.validation.", "bean validation (jakarta)"},
            new String[] {"io.micronaut.security.", "Micronaut security"},
            new String[] {"com.nimbusds.", "Nimbus JOSE (JWT)"},
            new String[] {"io.micronaut.serde.", "Micronaut serde"},
            new String[] {"com.fasterxml.jackson.", "Jackson"},
            new String[] {"io.micronaut.http.client.", "Micronaut HTTP client"},
            new String[] {"io.micronaut.http.server.", "Micronaut HTTP server"},
            new String[] {"io.micronaut.http.", "Micronaut HTTP"},
            new String[] {"io.micronaut.tracing.", "Micronaut tracing"},
            new String[] {"io.opentelemetry.", "OpenTelemetry"},
            new String[] {"io.micrometer.", "Micrometer"},
            new String[] {"ch.qos.logback.", "Logback"},
            new String[] {"org.slf4j.", "SLF4J"},
            new String[] {"io.netty.", "Netty"},
            new String[] {"io.micronaut.", "Micronaut (other)"});

    private JfrProfile() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Instant from = Instant.ofEpochMilli(Long.parseLong(args[1]));
        Instant to = Instant.ofEpochMilli(Long.parseLong(args[2]));
        long ops = Long.parseLong(args[3]);
        String title = args.length > 4 ? args[4] : file.toString();
        List<RecordedEvent> events = new ArrayList<>();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getStartTime().isBefore(from) && event.getStartTime().isBefore(to)) {
                    events.add(event);
                }
            }
        }
        double seconds = (to.toEpochMilli() - from.toEpochMilli()) / 1000.0;
        System.out.printf(Locale.ROOT, "%n## %s: %d operations in %.1f s (%s)%n", title, ops, seconds, file);
        cpu(events, ops, seconds);
        samples(events);
        waits(events, ops);
    }

    private static void cpu(List<RecordedEvent> events, long ops, double seconds) {
        double jvm = 0;
        double machine = 0;
        int n = 0;
        for (RecordedEvent event : of(events, "jdk.CPULoad")) {
            jvm += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
            machine += event.getFloat("machineTotal");
            n++;
        }
        if (n > 0) {
            // CPULoad is a fraction of all the machine's cores.
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "CPU: this JVM %.2f of %d cores (%.2f ms of CPU per operation), the whole"
                    + " machine %.0f %%%n", jvm / n * cores, cores, jvm / n * cores * seconds * 1000 / ops, 100 * machine / n);
        }
        List<RecordedEvent> gcs = of(events, "jdk.GarbageCollection");
        double gcMs = gcs.stream().mapToDouble(e -> e.getDuration().toNanos() / 1e6).sum();
        System.out.printf(Locale.ROOT, "GC: %d collections, %.0f ms paused in all (%.2f ms per operation)%n", gcs.size(),
                gcMs, gcMs / ops);
    }

    private static void samples(List<RecordedEvent> events) {
        List<RecordedEvent> samples = of(events, "jdk.ExecutionSample");
        int total = samples.size();
        System.out.printf("CPU samples (jdk.ExecutionSample, Java code running): %d%n", total);
        if (total == 0) {
            return;
        }
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Integer> layers = new HashMap<>();
        Map<String, Integer> selfLayers = new HashMap<>();
        for (RecordedEvent sample : samples) {
            threads.merge(pool(sample.getThread("sampledThread")), 1, Integer::sum);
            List<RecordedFrame> frames = frames(sample.getStackTrace());
            if (frames.isEmpty()) {
                continue;
            }
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seenOurs = new LinkedHashSet<>();
            Set<String> seenLayers = new LinkedHashSet<>();
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                if (type.startsWith("uk.schoolsocial.")) {
                    seenOurs.add(name(frame));
                }
                for (String[] layer : LAYERS) {
                    if (type.startsWith(layer[0])) {
                        seenLayers.add(layer[1]);
                        break;
                    }
                }
            }
            seenOurs.forEach(method -> ours.merge(method, 1, Integer::sum));
            seenLayers.forEach(layer -> layers.merge(layer, 1, Integer::sum));
            selfLayers.merge(seenLayers.isEmpty() ? "JDK only" : seenLayers.iterator().next(), 1, Integer::sum);
        }
        print("by thread pool", threads, total, 10);
        print("self (top frame)", self, total, 20);
        print("self by layer (the layer nearest the top of the stack: its code, or the JDK code it called)",
                selfLayers, total, 25);
        print("inclusive by layer (a sample counts once in every layer on its stack)", layers, total, 25);
        print("inclusive by our methods (uk.schoolsocial.*)", ours, total, 25);
    }

    private static void waits(List<RecordedEvent> events, long ops) {
        waited(events, "jdk.ThreadSleep", "sleeps (Thread.sleep)", ops, e -> pool(e.getThread()) + " | " + firstOurs(e));
        waited(events, "jdk.SocketRead", "socket reads (JDBC: one per round trip to the database; the gateway's"
                + " proxying is NIO and not seen here), by thread pool and caller", ops, e -> pool(e.getThread()) + " | " + caller(e));
        waited(events, "jdk.SocketRead", "the same socket reads by thread pool", ops, e -> pool(e.getThread()));
        waited(events, "jdk.JavaMonitorEnter", "monitor waits (synchronized)", ops,
                e -> e.getClass("monitorClass").getName() + " at " + caller(e));
        waited(events, "jdk.ThreadPark", "parks of 1 ms or more (locks, pool and executor waits, idle workers too)",
                ops, e -> pool(e.getThread()) + " at " + caller(e));
    }

    private static void waited(List<RecordedEvent> events, String type, String title, long ops,
                               Function<RecordedEvent, String> key) {
        List<RecordedEvent> found = of(events, type);
        double ms = found.stream().mapToDouble(e -> e.getDuration().toNanos() / 1e6).sum();
        System.out.printf(Locale.ROOT, "%n%s: %d (%.2f per operation), %.0f ms in all (%.2f ms per operation)%n", title,
                found.size(), (double) found.size() / ops, ms, ms / ops);
        Map<String, double[]> by = new HashMap<>();
        for (RecordedEvent event : found) {
            double[] sum = by.computeIfAbsent(key.apply(event), k -> new double[2]);
            sum[0]++;
            sum[1] += event.getDuration().toNanos() / 1e6;
        }
        by.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1])).limit(16)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %7.2f ms/op %6.2f /op  %s%n", e.getValue()[1] / ops,
                        e.getValue()[0] / ops, e.getKey()));
    }

    /** The nearest caller outside the JDK, the driver and the pool, with our nearest method when another's. */
    private static String caller(RecordedEvent event) {
        List<RecordedFrame> frames = frames(event.getStackTrace());
        String first = null;
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (!type.matches("(java|javax|jdk|sun|com\\.mysql|com\\.zaxxer|io\\.micronaut\\.(data\\.connection|jdbc|transaction)"
                    + "|io\\.micronaut\\.aop|io\\.micronaut\\.data\\.runtime|io\\.micronaut\\.data\\.jdbc|org\\.axonframework\\.common)"
                    + "\\..*") && !type.contains("$Intercepted")) {
                first = name(frame);
                break;
            }
        }
        String ours = firstOurs(event);
        if (first == null) {
            return ours;
        }
        return first.startsWith("uk.schoolsocial.") || ours.equals("-") ? first : first + " < " + ours;
    }

    private static String firstOurs(RecordedEvent event) {
        for (RecordedFrame frame : frames(event.getStackTrace())) {
            if (frame.getMethod().getType().getName().startsWith("uk.schoolsocial.")) {
                return name(frame);
            }
        }
        return "-";
    }

    private static List<RecordedFrame> frames(RecordedStackTrace trace) {
        return trace == null ? List.of() : trace.getFrames().stream().filter(RecordedFrame::isJavaFrame).toList();
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.', type.lastIndexOf('.') - 1) + 1) + "." + frame.getMethod().getName();
    }

    private static String pool(RecordedThread thread) {
        if (thread == null || thread.getJavaName() == null) {
            return "(native)";
        }
        return thread.getJavaName().replaceAll("[-#]?\\d+", "");
    }

    private static List<RecordedEvent> of(List<RecordedEvent> events, String type) {
        return events.stream().filter(e -> e.getEventType().getName().equals(type)).toList();
    }

    private static void print(String title, Map<String, Integer> counts, int total, int limit) {
        System.out.printf("%n%s:%n", title);
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(limit)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }
}
