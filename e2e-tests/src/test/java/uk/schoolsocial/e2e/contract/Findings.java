package uk.schoolsocial.e2e.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Findings grouped by kind, then operation, status and cause, each group with its shortest request. */
public final class Findings {

    private record Group(ContractCheck.Kind kind, String operation, int status, String cause) {
    }

    private static final Comparator<Group> ORDER = Comparator.comparing(Group::kind).thenComparing(Group::operation)
            .thenComparingInt(Group::status).thenComparing(Group::cause);

    private final Map<Group, List<ContractCheck.Finding>> groups = new TreeMap<>(ORDER);

    public void add(List<ContractCheck.Finding> findings) {
        for (ContractCheck.Finding finding : findings) {
            groups.computeIfAbsent(new Group(finding.kind(), finding.operation(), finding.status(), finding.group()),
                    group -> new ArrayList<>()).add(finding);
        }
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** @return one line per kind: how many groups and requests */
    public String summary() {
        Map<ContractCheck.Kind, List<Group>> byKind = groups.keySet().stream()
                .collect(Collectors.groupingBy(Group::kind, TreeMap::new, Collectors.toList()));
        StringBuilder out = new StringBuilder();
        byKind.forEach((kind, list) -> out.append(String.format("  %-20s %4d groups, %5d requests, operations: %s%n", kind,
                list.size(), list.stream().mapToInt(group -> groups.get(group).size()).sum(),
                list.stream().map(Group::operation).distinct().collect(Collectors.joining(", ")))));
        return out.toString();
    }

    /** @return every group: what, how often, one request that shows it and what came back */
    public String report(String heading, Duration took, int requests) {
        StringBuilder out = new StringBuilder(heading).append(String.format("%n%d requests in %ds; %d groups of findings.%n%n",
                requests, took.toSeconds(), groups.size()));
        out.append(summary()).append('\n');
        ContractCheck.Kind kind = null;
        for (Map.Entry<Group, List<ContractCheck.Finding>> entry : groups.entrySet()) {
            Group group = entry.getKey();
            if (group.kind() != kind) {
                kind = group.kind();
                out.append("== ").append(kind).append(" ==\n");
            }
            ContractCheck.Finding sample = entry.getValue().stream()
                    .min(Comparator.comparingInt(finding -> finding.request().describe(10_000).length())).orElseThrow();
            out.append(String.format("%s %s x%d %s%n", group.operation(), group.status() == 0 ? "-" : group.status(),
                    entry.getValue().size(), GeneratedRequest.shorten(sample.detail(), 300)));
            out.append("    request: ").append(sample.request().describe(240)).append('\n');
            if (!sample.answer().isEmpty()) {
                out.append("    answer:  ").append(sample.answer()).append('\n');
            }
        }
        return out.toString();
    }
}
