package uk.schoolsocial.auditcli.remote;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/** Puts the auditor's bearer token on every call of the generated audit client. */
@ClientFilter(serviceId = SuiteConnection.CLIENT_ID)
@Requires(property = SuiteConnection.TOKEN_PROPERTY)
public class BearerTokenFilter {

    private final String token;

    BearerTokenFilter(@Value("${" + SuiteConnection.TOKEN_PROPERTY + "}") String token) {
        this.token = token;
    }

    @RequestFilter
    public void authorize(MutableHttpRequest<?> request) {
        request.bearerAuth(token);
    }
}
