package uk.schoolsocial.e2e.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Ids of real records by kind ({@code application}, {@code pupil}, ...), so generated requests
 * reach records rather than only 404s, and so a mutation can send an id of another kind. Filled
 * from the test's fixtures and from every record the generated requests create.
 */
public final class IdPools {

    /** A parameter or field name's words, first match wins: {@code officialAccountId} is an account. */
    private static final List<String> KINDS = List.of("application", "declaration", "message", "handover", "escalation",
            "takedown", "evidence", "publication", "check", "incident", "pupil", "account", "parent", "staff",
            "administrator", "service", "aggregate");

    private final Map<String, Set<String>> ids = new TreeMap<>();

    public void add(String kind, String id) {
        if (id != null && !id.isBlank()) {
            ids.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(id);
        }
    }

    /** @return the kind of record a parameter or property of this name holds, if it looks like one */
    public static String kindOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String kind : KINDS) {
            if (lower.contains(kind)) {
                return switch (kind) {
                    case "administrator" -> "staff";
                    case "aggregate" -> "any";
                    default -> kind;
                };
            }
        }
        if (lower.equals("givenby") || lower.equals("withdrawnby") || lower.endsWith("rosterid")) {
            return lower.endsWith("rosterid") ? "staff" : "parent";
        }
        if (lower.equals("whomaypost") || lower.equals("transferto") || lower.equals("leaverid")) {
            return "staff";
        }
        return null;
    }

    /**
     * @return an id of that kind ("any" for every kind), or a random UUID when there is none yet.
     *     Draws the same from {@code random} however many ids there are, so that what a seed
     *     generates does not depend on what the suite answered before.
     */
    public String pick(String kind, Random random) {
        long first = random.nextLong();
        long second = random.nextLong();
        List<String> candidates = new ArrayList<>();
        if ("any".equals(kind)) {
            ids.values().forEach(candidates::addAll);
        } else if (ids.containsKey(kind)) {
            candidates.addAll(ids.get(kind));
        }
        return candidates.isEmpty() ? new UUID(first, second).toString()
                : candidates.get((int) Math.floorMod(first, (long) candidates.size()));
    }

    /** @return up to {@code count} distinct ids of that kind */
    public List<String> distinct(String kind, int count, Random random) {
        List<String> candidates = new ArrayList<>(ids.getOrDefault(kind, Set.of()));
        java.util.Collections.shuffle(candidates, new Random(random.nextLong()));
        return candidates.subList(0, Math.min(count, candidates.size()));
    }

    /** @return an id of some kind other than {@code kind}, for "the id of another record type" */
    public String pickOther(String kind, Random random) {
        long choice = random.nextLong();
        List<String> others = ids.keySet().stream().filter(k -> !k.equals(kind) && !k.equals("service")).toList();
        String other = others.isEmpty() ? "none" : others.get((int) Math.floorMod(choice, (long) others.size()));
        return pick(other, random);
    }

    /**
     * Learns the ids an answer reveals: the record created at {@code Location}
     * ({@code /api/v1/staff/declarations/<id>} is a declaration), and {@code id}s in arrays of
     * objects named after their kind ({@code takedowns[].id}).
     */
    public void learn(String location, JsonNode body) {
        if (location != null) {
            String[] segments = location.replaceAll("[?#].*$", "").split("/");
            // <collection>/<id>: a collection is a word of the path; an id has a digit (a path word has none)
            if (segments.length >= 2 && segments[segments.length - 2].matches("[a-z-]+")
                    && segments[segments.length - 1].matches(".*[0-9].*")) {
                String kind = kindOf(segments[segments.length - 2]);
                if (kind != null && !kind.equals("any")) {
                    add(kind, segments[segments.length - 1]);
                }
            }
        }
        if (body != null) {
            learnArrays(body, 0);
        }
    }

    private void learnArrays(JsonNode node, int depth) {
        if (depth > 4 || !node.isObject()) {
            return;
        }
        node.properties().forEach(field -> {
            String kind = kindOf(field.getKey());
            if (field.getValue().isArray()) {
                for (JsonNode element : field.getValue()) {
                    if (kind != null && !kind.equals("any") && element.path("id").isTextual()) {
                        add(kind, element.path("id").asText());
                    }
                    learnArrays(element, depth + 1);
                }
            } else if (field.getValue().isObject()) {
                learnArrays(field.getValue(), depth + 1);
            }
        });
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        ids.forEach((kind, values) -> out.append(kind).append('=').append(values.size()).append(' '));
        return out.toString().trim();
    }
}
