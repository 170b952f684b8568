package uk.schoolsocial.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of the processes on the path, read from Linux's {@code /proc} around each window, so the
 * report can say in the same run how much of the machine each operation costs and where: the
 * database server, the service, the gateway, this harness (the clients), and the whole machine.
 * {@code -Dbench.cpu=name=pid,name=pid} names the processes; {@code -Dbench.clk.tck} is the
 * kernel's clock tick ({@code getconf CLK_TCK}, 100 by default). Elsewhere than Linux it reads nothing.
 */
final class ProcessCpu {

    static final String PREFIX = "cpuMs.";
    private static final double TICK_MS = 1000.0 / Integer.getInteger("bench.clk.tck", 100);

    private ProcessCpu() {
    }

    /** Milliseconds of CPU used so far by each named process, this JVM ("client") and the machine. */
    static Map<String, Double> read() {
        Map<String, Double> values = new LinkedHashMap<>();
        String named = System.getProperty("bench.cpu", "");
        for (String pair : named.split(",")) {
            String[] parts = pair.split("=");
            if (parts.length == 2 && !parts[1].isBlank()) {
                values.put(PREFIX + parts[0].trim(), processMs(parts[1].trim()));
            }
        }
        values.put(PREFIX + "client", processMs("self"));
        values.put(PREFIX + "machine", machineMs());
        values.values().removeIf(value -> value.isNaN());
        return values;
    }

    /** utime + stime (fields 14 and 15 of /proc/PID/stat, counted after the command's closing parenthesis). */
    private static double processMs(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MS;
        } catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }

    /** Busy time of all cores together: the first line of /proc/stat less idle and iowait. */
    private static double machineMs() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy * TICK_MS;
        } catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }
}
