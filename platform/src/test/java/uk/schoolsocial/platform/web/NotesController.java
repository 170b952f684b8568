package uk.schoolsocial.platform.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import uk.schoolsocial.platform.identity.CommandSender;

/**
 * A command endpoint as the services write them, for platform's own tests of the web conventions
 * (never loads in a service's tests). A note whose text starts with {@code fail-after-commit}
 * fails once its command has committed, as a read model that never catches up would; one that
 * starts with {@code pair} is written twice, by two commands, as a roster push sends several.
 */
@Controller("/api/v1/test-notes")
@Requires(property = "smp.test.platform-axon", value = "true")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class NotesController {

    private final CommandSender commands;

    NotesController(CommandSender commands) {
        this.commands = commands;
    }

    @Post
    HttpResponse<Map<String, String>> create(@Body Map<String, String> request) {
        String id = UUID.randomUUID().toString();
        String text = request.getOrDefault("text", "");
        commands.send(new NoteAggregate.CreateNoteCommand(id, text));
        if (text.startsWith("pair")) {
            commands.send(new NoteAggregate.CreateNoteCommand(UUID.randomUUID().toString(), text));
        }
        if (text.startsWith("fail-after-commit")) {
            // Quotes the request's text, as a database error quotes a value (AUD-4: it must reach no log).
            throw new IllegalStateException("The test fails this request after its commit: '" + text + "'");
        }
        return HttpResponse.created(Map.of("id", id, "text", text), URI.create("/api/v1/test-notes/" + id))
                .header("ETag", ETags.of(0));
    }
}
