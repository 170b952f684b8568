package uk.schoolsocial.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Caller tokens for tests: from the dev issuer, or signed by hand to break one rule at a time. */
public final class TestTokens {

    /** The dev issuer's key file in the test configuration (application-test.yml). */
    public static final Path DEV_KEY_FILE = Path.of("target/test-dev-issuer.jwk");

    private TestTokens() {
    }

    /** A token for a demo user, from the gateway's {@code POST /dev/token}. */
    public static String devToken(int port, String user) {
        return RestAssured.given().port(port).contentType(ContentType.JSON).body("{\"user\":\"" + user + "\"}")
                .post("/dev/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** Claims like a dev token's for {@code demo-slt} (audience {@code school-social}), to be altered by a test. */
    public static JWTClaimsSet.Builder sltClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("school-social-dev")
                .audience("school-social")
                .subject("demo-slt")
                .claim("roles", List.of("SLT"))
                .claim("school_id", "demo-school")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
    }

    /** The key the dev issuer of the test configuration signs with. */
    public static RSAKey devKey() {
        try {
            return RSAKey.parse(Files.readString(DEV_KEY_FILE));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("No dev issuer key at " + DEV_KEY_FILE.toAbsolutePath(), e);
        }
    }

    /** A fresh key that no gateway trusts, with the dev key's id so only the signature differs. */
    public static RSAKey foreignKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims signed RS256 with the key. */
    public static String signed(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
