package uk.schoolsocial.gateway.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jfree.data.category.DefaultCategoryDataset;

import static uk.schoolsocial.gateway.report.SchoolFigures.dataset;
import static uk.schoolsocial.gateway.report.SchoolFigures.grouped;
import static uk.schoolsocial.gateway.report.SchoolFigures.rows;

/**
 * The governors' report as one XHTML page (served as HTML, and laid out as PDF by {@link ReportPdf}):
 * each topic a chart with the same numbers in a table beside it, the schools side by side. Only
 * counts and durations reach it, so it holds no personal data; the school ids are the only names.
 */
final class ReportPage {

    private static final String STYLE = """
            @page { size: A4; margin: 12mm; }
            body { font-family: sans-serif; font-size: 9pt; color: #000; }
            h1 { font-size: 16pt; margin: 0 0 2mm 0; }
            h2 { font-size: 12pt; margin: 5mm 0 1mm 0; border-bottom: 1px solid #000; }
            p.lead { margin: 0 0 2mm 0; }
            table.pair { width: 100%; border-collapse: collapse; page-break-inside: avoid; }
            td.chart, td.beside { vertical-align: top; padding: 0 2mm 2mm 0; }
            td.chart { width: 60%; }
            td.chart img { width: 110mm; }
            table.numbers { border-collapse: collapse; width: 100%; margin: 6mm 0 2mm 0; }
            table.numbers th, table.numbers td { border: 1px solid #000; padding: 1px 3px; text-align: right; }
            table.numbers th:first-child, table.numbers td:first-child { text-align: left; }
            table.numbers th { background: #ddd; }
            """;

    private ReportPage() {
    }

    static String html(JsonNode report) {
        List<JsonNode> schools = new ArrayList<>();
        report.path("schools").forEach(schools::add);
        List<String> names = schools.stream().map(s -> s.path("schoolId").asText()).toList();
        StringBuilder html = new StringBuilder(200_000);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>")
                .append("<meta charset=\"utf-8\"/><title>Governors' report: social media, ")
                .append(escape(report.path("from").asText())).append(" to ").append(escape(report.path("to").asText()))
                .append("</title><style>").append(STYLE).append("</style></head><body>\n")
                .append("<h1>Governors' report: social media</h1>\n<p class=\"lead\">")
                .append(names.size() == 1 ? "School " : "Schools, side by side: ").append(escape(String.join(", ", names)))
                .append(". Period ").append(escape(report.path("from").asText())).append(" to ")
                .append(escape(report.path("to").asText())).append(" (UTC), made ")
                .append(escape(report.path("generatedAt").asText())).append(". Counts and durations only: no person")
                .append(" is named or identified. Times are in hours; the 90th percentile is the time within which 9")
                .append(" in 10 cases were dealt with.</p>\n");
        incidents(html, schools, names);
        accounts(html, schools, names);
        consent(html, schools, names);
        return html.append("</body></html>\n").toString();
    }

    private static void incidents(StringBuilder html, List<JsonNode> schools, List<String> names) {
        html.append("<h2>Incidents (INC-1 to INC-7)</h2>\n");
        Map<String, Function<JsonNode, JsonNode>> summary = new LinkedHashMap<>();
        summary.put("Incidents reported", s -> s.path("incidents").path("incidentsReported"));
        summary.put("Open safeguarding cases (now)", s -> s.path("incidents").path("openSafeguardingCases"));
        summary.put("Assessed", s -> s.path("incidents").path("assessment").path("count"));
        summary.put("Closed", s -> s.path("incidents").path("closure").path("count"));
        pair(html, ReportCharts.bars("Incidents by category", "incidents",
                        grouped(schools, names, s -> s.path("incidents").path("incidentsByMonth"), "category",
                                "incidents", true), true),
                table(names, summary, schools)
                        + table(names, rows(schools, s -> s.path("incidents").path("incidentsByMonth"), "category",
                        "incidents", true), schools, "Category"));
        pair(html, ReportCharts.bars("Incidents by month reported", "incidents",
                        grouped(schools, names, s -> s.path("incidents").path("incidentsByMonth"), "month",
                                "incidents", false), true),
                table(names, rows(schools, s -> s.path("incidents").path("incidentsByMonth"), "month", "incidents",
                        false), schools, "Month"));
        Map<String, Function<JsonNode, JsonNode>> times = new LinkedHashMap<>();
        times.put("Assessment, median", s -> s.path("incidents").path("assessment").path("medianHours"));
        times.put("Assessment, 90th pct", s -> s.path("incidents").path("assessment").path("p90Hours"));
        times.put("Closure, median", s -> s.path("incidents").path("closure").path("medianHours"));
        times.put("Closure, 90th pct", s -> s.path("incidents").path("closure").path("p90Hours"));
        times.put("Removal, median", s -> s.path("incidents").path("takedowns").path("timeToRemoval").path("medianHours"));
        times.put("Removal, 90th pct", s -> s.path("incidents").path("takedowns").path("timeToRemoval").path("p90Hours"));
        pair(html, ReportCharts.bars("Hours from report to assessment and closure, and to removal of a post",
                "hours", dataset(names, times, schools), false), table(names, times, schools, "Hours"));
        pair(html, ReportCharts.bars("Escalations by body", "escalations",
                        grouped(schools, names, s -> s.path("incidents").path("escalationsByBody"), "body",
                                "escalations", true), true),
                table(names, rows(schools, s -> s.path("incidents").path("escalationsByBody"), "body", "escalations",
                        true), schools, "Body"));
        Map<String, Function<JsonNode, JsonNode>> takedowns = new LinkedHashMap<>();
        takedowns.put("Requested", s -> s.path("incidents").path("takedowns").path("requested"));
        takedowns.put("Removed", s -> s.path("incidents").path("takedowns").path("removed"));
        takedowns.put("Abandoned", s -> s.path("incidents").path("takedowns").path("abandoned"));
        takedowns.put("Still open", s -> s.path("incidents").path("takedowns").path("open"));
        pair(html, ReportCharts.bars("Takedown requests (INC-5)", "requests", dataset(names, takedowns, schools), true),
                table(names, takedowns, schools));
    }

    private static void accounts(StringBuilder html, List<JsonNode> schools, List<String> names) {
        html.append("<h2>Official accounts (ACC-5, ACC-7, ACC-9), as they stand now</h2>\n");
        Map<String, Function<JsonNode, JsonNode>> state = new LinkedHashMap<>();
        state.put("Live", s -> s.path("accounts").path("accounts").path("live"));
        state.put("Suspended", s -> s.path("accounts").path("accounts").path("suspended"));
        state.put("Not yet live", s -> s.path("accounts").path("accounts").path("provisioned"));
        state.put("Closed", s -> s.path("accounts").path("accounts").path("closed"));
        state.put("Reviews overdue", s -> s.path("accounts").path("accounts").path("reviewsOverdue"));
        state.put("Handovers open", s -> s.path("accounts").path("handovers").path("open"));
        state.put("Handovers overdue", s -> s.path("accounts").path("handovers").path("overdue"));
        state.put("Admins out of date", s -> s.path("accounts").path("accounts").path("administratorsOutOfDate"));
        pair(html, ReportCharts.bars("Official accounts", "accounts, handovers, administrators",
                dataset(names, state, schools), true), table(names, state, schools));
        html.append("<h2>Comments, queries and complaints received (ACC-8)</h2>\n");
        Map<String, Function<JsonNode, JsonNode>> responses = new LinkedHashMap<>();
        responses.put("Received", s -> s.path("accounts").path("responses").path("received"));
        responses.put("Answered in time", s -> s.path("accounts").path("responses").path("answeredInTime"));
        responses.put("Breaches", s -> s.path("accounts").path("responses").path("breaches"));
        responses.put("Open, not yet due", s -> s.path("accounts").path("responses").path("open"));
        Map<String, Function<JsonNode, JsonNode>> answerTimes = new LinkedHashMap<>(responses);
        answerTimes.put("Hours to answer, median", s -> s.path("accounts").path("responses").path("timeToAnswer")
                .path("medianHours"));
        answerTimes.put("Hours to answer, 90th pct", s -> s.path("accounts").path("responses").path("timeToAnswer")
                .path("p90Hours"));
        pair(html, ReportCharts.bars("Messages and the response rule", "messages", dataset(names, responses, schools),
                true), table(names, answerTimes, schools));
    }

    private static void consent(StringBuilder html, List<JsonNode> schools, List<String> names) {
        html.append("<h2>Image consent (CON-1 to CON-6)</h2>\n");
        for (int i = 0; i < schools.size(); i++) {
            JsonNode coverage = schools.get(i).path("consent").path("coverage");
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            Set<String> channels = new LinkedHashSet<>();
            StringBuilder rows = new StringBuilder();
            for (JsonNode year : coverage) {
                long pupils = year.path("pupils").asLong();
                rows.append("<tr><td>").append(escape(year.path("yearGroup").asText())).append("</td><td>")
                        .append(pupils).append("</td><td>").append(year.path("objected").asLong()).append("</td>");
                for (JsonNode channel : year.path("channels")) {
                    String name = words(channel.path("channel").asText());
                    channels.add(name);
                    long consented = channel.path("consented").asLong();
                    long percent = pupils == 0 ? 0 : Math.round(100.0 * consented / pupils);
                    data.addValue(percent, name, year.path("yearGroup").asText());
                    rows.append("<td>").append(consented).append(" (").append(percent).append("%)</td>");
                }
                rows.append("</tr>");
            }
            StringBuilder table = new StringBuilder("<table class=\"numbers\"><tr><th>Year group</th><th>Pupils</th>"
                    + "<th>Objected</th>");
            channels.forEach(channel -> table.append("<th>").append(escape(channel)).append("</th>"));
            table.append("</tr>").append(rows).append("</table>");
            if (coverage.isEmpty()) {
                table.append("<p>No pupils on the roster.</p>");
            }
            pair(html, ReportCharts.bars("Consent coverage today by year group and channel, " + names.get(i),
                    "% of pupils", data, false), table.toString());
        }
        Map<String, Function<JsonNode, JsonNode>> period = new LinkedHashMap<>();
        period.put("Consents withdrawn", s -> s.path("consent").path("withdrawals"));
        period.put("Objections", s -> s.path("consent").path("objections"));
        period.put("Publications registered", s -> s.path("consent").path("publicationsRegistered"));
        period.put("Publications taken down", s -> s.path("consent").path("publicationsTakenDown"));
        pair(html, ReportCharts.bars("Consent and publications in the period", "count", dataset(names, period, schools),
                true), table(names, period, schools));
    }

    /** A chart with its numbers beside it. */
    private static void pair(StringBuilder html, String chart, String numbers) {
        html.append("<table class=\"pair\"><tr><td class=\"chart\"><img alt=\"chart\" src=\"").append(chart)
                .append("\"/></td><td class=\"beside\">").append(numbers).append("</td></tr></table>\n");
    }

    private static String table(List<String> names, Map<String, Function<JsonNode, JsonNode>> figures,
                                List<JsonNode> schools) {
        return table(names, figures, schools, "");
    }

    private static String table(List<String> names, Map<String, Function<JsonNode, JsonNode>> figures,
                                List<JsonNode> schools, String corner) {
        StringBuilder table = new StringBuilder("<table class=\"numbers\"><tr><th>").append(escape(corner)).append("</th>");
        names.forEach(name -> table.append("<th>").append(escape(name)).append("</th>"));
        table.append("</tr>");
        if (figures.isEmpty()) {
            table.append("<tr><td>None</td>");
            names.forEach(name -> table.append("<td>0</td>"));
            table.append("</tr>");
        }
        for (Map.Entry<String, Function<JsonNode, JsonNode>> figure : figures.entrySet()) {
            table.append("<tr><td>").append(escape(figure.getKey())).append("</td>");
            for (JsonNode school : schools) {
                JsonNode value = figure.getValue().apply(school);
                table.append("<td>").append(value.isNumber() ? escape(value.asText()) : "-").append("</td>");
            }
            table.append("</tr>");
        }
        return table.append("</table>").toString();
    }

    /** {@code BULLYING_OR_HARASSMENT} as "Bullying or harassment". */
    static String words(String constant) {
        String spaced = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
