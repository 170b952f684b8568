package uk.schoolsocial.gateway.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.micronaut.security.authentication.Authentication;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.identity.Role;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AUD-2 and DOMAIN: "nobody sees another school's data unless granted across a trust". The schools a token grants
 * (an array or one string; the caller's own school is not a grant), and which school a request may
 * then act for. Signatures are Micronaut Security's and tested elsewhere; here only the claims.
 */
class TrustGrantTest {

    private final CallerAuthenticationFactory factory = new CallerAuthenticationFactory(new CallerTokenPolicy(
            new AuthProperties(AuthProperties.OIDC),
            new OidcProperties("https://idp.example/jwks", "https://idp.example", "school-social", "roles", "school_id",
                    "trusts", "azp", null)));

    private Caller caller(Object grant) {
        return caller(grant, List.of("AUDITOR"));
    }

    private Caller caller(Object grant, List<String> roles) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("https://idp.example").audience("school-social").subject("la-auditor")
                .expirationTime(Date.from(Instant.now().plusSeconds(60))).claim("roles", roles)
                .claim("school_id", "school-a");
        if (grant != null) {
            claims.claim("trusts", grant);
        }
        Optional<Authentication> authentication = factory.createAuthentication(new PlainJWT(claims.build()));
        assertTrue(authentication.isPresent());
        return Caller.of(authentication.get());
    }

    @Test
    void aTokenGrantsTheSchoolsOfItsTrustClaimAsAnArrayOrAString() {
        assertEquals(List.of("school-b", "school-c"), caller(List.of("school-b", "school-a", "school-c")).trustSchools());
        assertEquals(List.of("school-b", "school-c"), caller("school-b, school-c school-b").trustSchools());
        assertEquals(List.of(), caller(null).trustSchools());
    }

    @Test
    void aRequestActsForTheCallersSchoolOrAGrantedOneOnly() {
        Caller auditor = caller(List.of("school-b"));
        assertEquals("school-a", auditor.actingFor(null).orElseThrow().school());
        assertEquals("school-a", auditor.actingFor("school-a").orElseThrow().school());
        Caller acting = auditor.actingFor("school-b").orElseThrow();
        assertEquals("school-b", acting.school());
        assertEquals(auditor.actorId(), acting.actorId());
        assertEquals(auditor.roles(), acting.roles());
        assertTrue(auditor.actingFor("school-z").isEmpty());
        assertTrue(caller(null).actingFor("school-b").isEmpty());
    }

    /** Decision 7: only an AUDITOR reads across a trust, and there as an AUDITOR only (never changes anything). */
    @Test
    void onlyAnAuditorActsForAGrantedSchoolAndOnlyAsAnAuditor() {
        assertTrue(caller(List.of("school-b"), List.of("SLT")).actingFor("school-b").isEmpty());
        Caller headAndAuditor = caller(List.of("school-b"), List.of("SLT", "AUDITOR"));
        assertEquals(List.of(Role.SLT, Role.AUDITOR), headAndAuditor.actingFor("school-a").orElseThrow().roles());
        assertEquals(List.of(Role.AUDITOR), headAndAuditor.actingFor("school-b").orElseThrow().roles());
    }
}
