package uk.schoolsocial.gateway.auth.dev;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import uk.schoolsocial.gateway.auth.AuthProperties;
import uk.schoolsocial.gateway.web.Problems;
import uk.schoolsocial.platform.error.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Hands out demo users' tokens in dev mode; absent in oidc mode. */
@Controller("/dev")
@Requires(property = AuthProperties.MODE_PROPERTY, value = AuthProperties.DEV, defaultValue = AuthProperties.DEV)
final class DevTokenController {

    private static final int MAX_METHODS = 8;
    private static final Pattern METHOD = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final DevIssuer issuer;

    DevTokenController(DevIssuer issuer) {
        this.issuer = issuer;
    }

    @Post("/token")
    HttpResponse<?> token(@Body DevTokenRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Optional<DemoUser> user = DemoUsers.named(request.user());
        if (user.isEmpty()) {
            errors.add(new FieldError("user", "is not a demo user; GET /dev/users lists them"));
        }
        List<String> methods = request.amr() == null ? List.of() : request.amr();
        if (methods.size() > MAX_METHODS) {
            errors.add(new FieldError("amr", "must list at most " + MAX_METHODS + " methods"));
        }
        for (int i = 0; i < methods.size() && i < MAX_METHODS; i++) {
            if (!METHOD.matcher(methods.get(i)).matches()) {
                errors.add(new FieldError("amr[" + i + "]",
                        "must be a method name of 1 to 32 letters, digits, '_' or '-' (RFC 8176: pwd, otp, mfa, ...)"));
            }
        }
        if (!errors.isEmpty()) {
            return Problems.invalid(errors);
        }
        return HttpResponse.ok(new TokenResponse(issuer.issue(user.get(), methods), "Bearer",
                DevIssuer.LIFETIME.toSeconds()));
    }

    @Get("/users")
    List<DemoUser> users() {
        return DemoUsers.ALL;
    }
}
