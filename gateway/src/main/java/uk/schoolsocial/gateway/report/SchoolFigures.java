package uk.schoolsocial.gateway.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The schools' figures of the governors' report shaped for a chart ({@link ReportCharts}) and for
 * the table beside it ({@link ReportPage}): one value a school for each figure, or a list's items
 * summed by one of their fields.
 */
final class SchoolFigures {

    private SchoolFigures() {
    }

    static DefaultCategoryDataset dataset(List<String> names, Map<String, Function<JsonNode, JsonNode>> figures,
                                          List<JsonNode> schools) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < schools.size(); i++) {
            for (Map.Entry<String, Function<JsonNode, JsonNode>> figure : figures.entrySet()) {
                JsonNode value = figure.getValue().apply(schools.get(i));
                data.addValue(value.isNumber() ? value.numberValue() : null, names.get(i), figure.getKey());
            }
        }
        return data;
    }

    /** Each school's items of a list summed by one of their fields ({@code category} of incidents by month). */
    static DefaultCategoryDataset grouped(List<JsonNode> schools, List<String> names,
                                          Function<JsonNode, JsonNode> list, String by, String count,
                                          boolean asWords) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, Map<String, Long>> sums = sums(schools, list, by, count, asWords);
        for (Map.Entry<String, Map<String, Long>> key : sums.entrySet()) {
            for (int i = 0; i < schools.size(); i++) {
                data.addValue(key.getValue().getOrDefault(String.valueOf(i), 0L), names.get(i), key.getKey());
            }
        }
        return data;
    }

    static Map<String, Function<JsonNode, JsonNode>> rows(List<JsonNode> schools,
                                                          Function<JsonNode, JsonNode> list, String by,
                                                          String count, boolean asWords) {
        Map<String, Map<String, Long>> sums = sums(schools, list, by, count, asWords);
        Map<String, Function<JsonNode, JsonNode>> rows = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Long>> key : sums.entrySet()) {
            rows.put(key.getKey(), school -> {
                String i = String.valueOf(schools.indexOf(school));
                return LongNode.valueOf(key.getValue().getOrDefault(i, 0L));
            });
        }
        return rows;
    }

    private static Map<String, Map<String, Long>> sums(List<JsonNode> schools, Function<JsonNode, JsonNode> list,
                                                       String by, String count, boolean asWords) {
        Map<String, Map<String, Long>> sums = new TreeMap<>();
        for (int i = 0; i < schools.size(); i++) {
            String school = String.valueOf(i);
            for (JsonNode item : list.apply(schools.get(i))) {
                String key = asWords ? ReportPage.words(item.path(by).asText()) : item.path(by).asText();
                sums.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(school, item.path(count).asLong(), Long::sum);
            }
        }
        return sums;
    }
}
