package uk.schoolsocial.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The command bench's table: each window's throughput, its ratio to raw at the same clients, latencies, counters. */
final class CommandReport {

    private CommandReport() {
    }

    static void print(Path results) throws IOException {
        List<String[]> lines = Files.readAllLines(results).stream().filter(line -> !line.isBlank())
                .map(line -> line.split("\t")).toList();
        Map<String, Double> raw = new HashMap<>();
        for (String[] line : lines) {
            if (line[0].startsWith("1 ")) {
                raw.put(line[1], Long.parseLong(line[2]) / Double.parseDouble(line[4]));
            }
        }
        System.out.println();
        System.out.println("| phase | clients | ops | failed | ops/s | ratio to raw | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String[] line : lines) {
            double throughput = Long.parseLong(line[2]) / Double.parseDouble(line[4]);
            Double base = raw.get(line[1]);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.0f | %s | %s | %s | %s |%n", line[0], line[1], line[2],
                    line[3], throughput, base == null ? "?" : String.format(Locale.ROOT, "%.1f %%", 100 * throughput / base),
                    line[7], line[9], line[10]);
        }
        System.out.println();
        System.out.println("Per operation, around each measured window (server-wide counters: other load counts too):");
        for (String[] line : lines) {
            if (line.length > 11) {
                System.out.printf("  %s, %s client(s): %s%n", line[0], line[1],
                        String.join(" ", Arrays.copyOfRange(line, 11, line.length)));
            }
        }
        cpu(lines, raw);
    }

    /**
     * CPU per operation by process (ProcessCpu) against what the machine has: at the aim's 5 % of raw
     * INSERT + COMMIT at the same clients, every operation may use the machine's cores for at most
     * cores / (0.05 * raw) seconds, whichever process spends it.
     */
    private static void cpu(List<String[]> lines, Map<String, Double> raw) {
        List<String> names = List.of("mariadb", "service", "gateway", "client");
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println();
        System.out.println("CPU per operation, ms (/proc; \"client\" is the harness JVM, in phase 2 the service too):");
        System.out.println("| phase | clients | machine busy | whole machine | " + String.join(" | ", names)
                + " | allowed at 5 % of raw |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String[] line : lines) {
            Map<String, Double> cpu = new HashMap<>();
            for (int i = 11; i < line.length; i++) {
                String[] pair = line[i].split("=", 2);
                if (pair.length == 2 && pair[0].startsWith(ProcessCpu.PREFIX)) {
                    cpu.put(pair[0].substring(ProcessCpu.PREFIX.length()), Double.parseDouble(pair[1]));
                }
            }
            Double machine = cpu.get("machine");
            if (machine == null) {
                continue;
            }
            double seconds = Double.parseDouble(line[4]);
            double ops = Long.parseLong(line[2]);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %.0f %% | %.2f |", line[0],
                    line[1], 100 * machine * ops / (seconds * 1000 * cores), machine));
            for (String name : names) {
                Double value = cpu.get(name);
                row.append(value == null ? " - |" : String.format(Locale.ROOT, " %.2f |", value));
            }
            Double base = raw.get(line[1]);
            row.append(base == null ? " ? |" : String.format(Locale.ROOT, " %.2f |", cores * 1000 / (0.05 * base)));
            System.out.println(row);
        }
    }
}
