package uk.schoolsocial.gateway.auth.dev;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.nio.file.Path;

/**
 * {@code smp.auth.dev.*}: the built-in dev issuer.
 *
 * @param keyFile where its RSA key pair is kept as a JWK, so tokens survive restarts
 */
@ConfigurationProperties("smp.auth.dev")
record DevIssuerProperties(Path keyFile) {
}
