package uk.schoolsocial.consent.publication.query;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.common.Registration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.consent.Scenario;
import uk.schoolsocial.consent.publication.command.OpenTakedownCommand;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;

/**
 * CON-3: rebuilding the publication register by a replay (its processor's tokens reset) rebuilds the
 * read model but opens no takedown again: those were opened the first time. A withdrawal after the
 * replay still opens one, so the commands would have been seen.
 */
@MicronautTest(transactional = false)
class TakedownReplayTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("consent");
    private static final String PUBLICATIONS = "/api/v1/consents/publications";
    private static final String TAKEDOWNS = "/api/v1/consents/takedowns";

    @Inject
    Configuration axon;

    private String publicationOf(String pupil) {
        Map<String, Object> content = new HashMap<>(Map.of("channel", "WEBSITE", "pupilIds", List.of(pupil),
                "caption", "Harvest festival", "altText", "A class singing"));
        String checkId = API.as(Scenario.STAFF).body(content).post("/api/v1/consents/checks").then().statusCode(200)
                .body("allowed", equalTo(true)).extract().path("checkId");
        content.put("checkId", checkId);
        content.put("link", "https://oakfield.sch.uk/news/harvest");
        content.put("publishedOn", "2026-10-01");
        return API.as(Scenario.STAFF).body(content).post(PUBLICATIONS).then().statusCode(201).extract().path("id");
    }

    private void withdraw(String pupil) {
        API.as(Scenario.STAFF).body(Map.of("withdrawnBy", "parent-1"))
                .post("/api/v1/pupils/" + pupil + "/consents/WEBSITE/withdrawal").then().statusCode(200);
    }

    private void awaitTakedown(String publication) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> API.as(Scenario.STAFF).queryParam("limit", 200)
                .get(TAKEDOWNS).then().statusCode(200).body("items.id", hasItem(publication)));
    }

    @Test
    void con3_aReplayRebuildsTheRegisterButOpensNoTakedownAgain() {
        Scenario scenario = new Scenario(API::as);
        String pupil = scenario.pupil("Ada", "Vale");
        scenario.consent(pupil, "WEBSITE");
        String publication = publicationOf(pupil);
        withdraw(pupil);
        awaitTakedown(publication);

        List<Object> opened = new CopyOnWriteArrayList<>();
        Registration watching = axon.commandBus().registerDispatchInterceptor(messages -> (index, message) -> {
            if (message.getPayload() instanceof OpenTakedownCommand) {
                opened.add(message.getPayload());
            }
            return message;
        });
        try {
            StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                    .eventProcessor(PublicationProjection.GROUP, StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            long head = axon.eventStore().createHeadToken().position().orElseThrow();
            // Back at the head: every event stored before the reset was replayed (the processor counts as
            // replaying until an event after the reset arrives).
            await().atMost(Duration.ofSeconds(60)).until(() -> !processor.processingStatus().isEmpty()
                    && processor.processingStatus().values().stream()
                    .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
            assertTrue(processor.processingStatus().values().stream().noneMatch(EventTrackerStatus::isErrorState));
            assertEquals(List.of(), opened, "a replay opens no takedown");
            awaitTakedown(publication);

            String next = scenario.pupil("Bo", "Vale");
            scenario.consent(next, "WEBSITE");
            String nextPublication = publicationOf(next);
            withdraw(next);
            awaitTakedown(nextPublication);
            assertEquals(1, opened.size(), "a withdrawal after the replay opens its takedown: " + opened);
        } finally {
            watching.cancel();
        }
    }
}
