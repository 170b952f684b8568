package uk.schoolsocial.account.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.schoolsocial.platform.testing.DatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;
import uk.schoolsocial.platform.webhook.WebhookSignature;

/**
 * INT-1: with the production default ({@code smp.webhooks.allow-private-addresses} false), a
 * subscription must use https and a host with public addresses only: the services are not a proxy
 * into their own network.
 */
@MicronautTest(transactional = false)
class WebhookAddressesApiTest implements DatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("webhooks");

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hooks", "https://localhost/hooks", "https://10.1.2.3/hooks",
            "https://192.168.0.10/hooks", "https://172.16.5.4/hooks", "https://169.254.169.254/latest/meta-data",
            "https://[::1]/hooks", "https://[fd00::1]/hooks", "https://100.64.0.1/hooks", "https://0.0.0.0/hooks",
            "http://93.184.215.14/hooks"})
    void int1_aUrlOnAPrivateLoopbackOrLinkLocalAddressOrWithoutHttpsIsRefused(String url) {
        API.badInput(TestTokens.bearer("mis-1", TestTokens.SCHOOL, "INTEGRATION"))
                .body(Map.of("url", url, "eventTypes", List.of("staff.left"), "secret", WebhookSignature.newSecret()))
                .put("/api/v1/webhooks/services/account/subscriptions/" + UUID.randomUUID())
                .then().statusCode(422).body("code", equalTo("WEBHOOK_URL_REFUSED")).body("errors.field", hasItem("url"));
    }
}
