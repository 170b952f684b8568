package uk.schoolsocial.gateway.auth.dev;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import uk.schoolsocial.gateway.auth.AuthProperties;
import uk.schoolsocial.gateway.web.Problem;
import uk.schoolsocial.gateway.web.Problems;

import java.util.List;

/** Hands out demo users' tokens in dev mode; absent in oidc mode. */
@Controller("/dev")
@Requires(property = AuthProperties.MODE_PROPERTY, value = AuthProperties.DEV, defaultValue = AuthProperties.DEV)
final class DevTokenController {

    private final DevIssuer issuer;

    DevTokenController(DevIssuer issuer) {
        this.issuer = issuer;
    }

    @Post("/token")
    HttpResponse<?> token(@Body DevTokenRequest request) {
        return DemoUsers.named(request.user())
                .<HttpResponse<?>>map(user -> HttpResponse.ok(
                        new TokenResponse(issuer.issue(user), "Bearer", DevIssuer.LIFETIME.toSeconds())))
                .orElseGet(() -> Problems.invalid(List.of(new Problem.FieldError("user",
                        "is not a demo user; GET /dev/users lists them"))));
    }

    @Get("/users")
    List<DemoUser> users() {
        return DemoUsers.ALL;
    }
}
