package uk.schoolsocial.platform.axon;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.Map;
import uk.schoolsocial.platform.identity.CommandSender;
import uk.schoolsocial.platform.web.ReadYourWrites;

/** A command endpoint as the services have them, answering with the record it wrote (ReadYourWrites). */
@Controller("/test/notes")
@Requires(property = "smp.test.dead-letters", value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class NotesController {

    private final CommandSender commands;
    private final NoteProjection notes;

    NotesController(CommandSender commands, NoteProjection notes) {
        this.commands = commands;
        this.notes = notes;
    }

    @Post
    Map<String, Object> write(@Body Map<String, String> note) {
        String id = note.get("id");
        commands.send(new NoteAggregate.WriteNoteCommand(id, note.get("text")));
        NoteProjection.NoteView view = ReadYourWrites.await(() -> notes.find(id), NoteProjection.NoteView::version, 0);
        return Map.of("id", view.id(), "text", view.text(), "version", view.version());
    }
}
