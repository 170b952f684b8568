package uk.schoolsocial.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Internal tokens as the gateway mints them (docs/runtime-contract.md): HS256, 60 seconds. */
final class InternalToken {

    private final String secret;
    private final String school;

    InternalToken(String secret, String school) {
        this.secret = secret;
        this.school = school;
    }

    String mint(String subject, String role) {
        long now = System.currentTimeMillis() / 1000;
        String header = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String claims = base64("{\"iss\":\"school-social-gateway\",\"sub\":\"" + subject + "\",\"roles\":[\"" + role
                + "\"],\"school\":\"" + school + "\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
