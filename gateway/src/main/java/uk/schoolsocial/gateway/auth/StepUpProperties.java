package uk.schoolsocial.gateway.auth;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.List;

/**
 * {@code smp.auth.step-up.*}: which schools require multi-factor sign-in for the most sensitive
 * operations ({@link SensitiveOperations}), and what counts as one (defaults in application.yml).
 *
 * @param schools   the schools that require it, {@code *} for every school; none by default
 * @param methods   {@code amr} values (RFC 8176) any one of which shows multi-factor authentication
 * @param acrValues {@code acr} values any one of which counts as well; named in the challenge's
 *                  {@code acr_values} (RFC 9470) so a client knows what to ask its identity provider for
 */
@ConfigurationProperties("smp.auth.step-up")
record StepUpProperties(List<String> schools, List<String> methods, List<String> acrValues) {
}
