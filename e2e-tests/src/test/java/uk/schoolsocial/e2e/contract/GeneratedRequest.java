package uk.schoolsocial.e2e.contract;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One generated request. The path is already percent-encoded (a mutation may put bytes there that
 * no Java string encodes, such as {@code %C3%28}); query values are raw and encoded when sent.
 *
 * @param label what was done to the valid request, e.g. {@code body.aim = string with NUL}
 * @param storesBadText whether a string in the body holds a character no stored text should
 *                      (NUL, other C0 and C1 controls, a lone surrogate)
 */
public record GeneratedRequest(int caseNumber, String label, String user, String method, String path,
                               List<Map.Entry<String, String>> query, Map<String, String> headers, byte[] body,
                               boolean storesBadText) {

    public String pathAndQuery() {
        if (query.isEmpty()) {
            return path;
        }
        return path + "?" + query.stream()
                .map(param -> encode(param.getKey()) + "=" + encode(param.getValue()))
                .collect(Collectors.joining("&"));
    }

    public String bodyText() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    /** The request as a report shows it: short enough to read, exact enough to send again. */
    public String describe(int maxBody) {
        StringBuilder out = new StringBuilder();
        out.append('#').append(caseNumber).append(' ').append(label).append(": as ").append(user).append(' ')
                .append(method).append(' ').append(pathAndQuery());
        headers.forEach((name, value) -> out.append(" [").append(name).append(": ").append(shorten(visible(value), 80))
                .append(']'));
        if (body != null) {
            out.append(" body(").append(body.length).append(" bytes)=").append(shorten(visible(bodyText()), maxBody));
        }
        return out.toString();
    }

    static String visible(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xdfff) || c == 0xfffd) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    public static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...(" + text.length() + " chars)";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
