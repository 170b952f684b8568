package uk.schoolsocial.incident.evidence.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.server.types.files.FileCustomizableResponseType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import uk.schoolsocial.incident.api.EvidenceApi;
import uk.schoolsocial.incident.api.model.AddEvidenceRequest;
import uk.schoolsocial.incident.api.model.IncidentEvidenceItem;
import uk.schoolsocial.incident.casefile.command.IncidentId;
import uk.schoolsocial.incident.casefile.query.CaseNotes;
import uk.schoolsocial.incident.casefile.query.IncidentView;
import uk.schoolsocial.incident.casefile.query.IncidentViewRepository;
import uk.schoolsocial.incident.casefile.web.CaseNotesMapper;
import uk.schoolsocial.incident.evidence.command.AddEvidenceCommand;
import uk.schoolsocial.incident.evidence.command.EvidenceRules;
import uk.schoolsocial.incident.evidence.query.EvidenceContent;
import uk.schoolsocial.incident.evidence.query.EvidenceContentRepository;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.CommandSender;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.web.ReadYourWrites;

/**
 * Evidence items (INC-1): the bytes go to the service's database first, then the command records
 * their hash; a refused command removes them again, so no bytes stay without an event. Only the
 * DSL and SLT read evidence back (INC-7).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class EvidenceController implements EvidenceApi {

    private final CommandSender commands;
    private final CurrentActor current;
    private final EvidenceContentRepository contents;
    private final IncidentViewRepository views;
    private final Clock clock;

    EvidenceController(CommandSender commands, CurrentActor current, EvidenceContentRepository contents,
                       IncidentViewRepository views, Clock clock) {
        this.commands = commands;
        this.current = current;
        this.contents = contents;
        this.views = views;
        this.clock = clock;
    }

    @Override
    @Secured({Roles.STAFF, Roles.SLT, Roles.DSL, Roles.ACCOUNT_ADMIN, Roles.PARENT})
    public HttpResponse<IncidentEvidenceItem> addEvidence(UUID incidentId, AddEvidenceRequest request, String idempotencyKey,
                                                  String correlationId) {
        Actor actor = current.get();
        byte[] bytes = request.getContent();
        List<FieldError> missing = new java.util.ArrayList<>();
        if (bytes == null) {
            missing.add(new FieldError("content", "is required"));
        }
        if (request.getMediaType() == null) {
            missing.add(new FieldError("mediaType", "is required"));
        }
        if (!missing.isEmpty()) { // issue 11: a missing field is named, not a 500
            throw new DomainException(PlatformError.VALIDATION_FAILED, "The evidence is incomplete", missing);
        }
        if (bytes.length > EvidenceRules.MAX_BYTES) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "The evidence is too large",
                    List.of(new FieldError("content", "must be at most " + EvidenceRules.MAX_BYTES + " bytes")));
        }
        String id = UUID.randomUUID().toString();
        String sha256 = sha256(bytes);
        String mediaType = request.getMediaType().getValue();
        contents.save(new EvidenceContent(id, actor.schoolId(), incidentId.toString(), mediaType, bytes.length,
                sha256, bytes, clock.instant()));
        long version;
        try {
            version = commands.send(new AddEvidenceCommand(new IncidentId(incidentId.toString()), actor.schoolId(),
                    actor.id(), actor.hasAnyRole(Roles.DSL, Roles.SLT), id, mediaType, bytes.length, sha256,
                    request.getDescription()));
        } catch (RuntimeException refused) {
            contents.deleteById(id);
            throw refused;
        }
        IncidentView view = ReadYourWrites.await(() -> views.findById(incidentId.toString()), IncidentView::version,
                version);
        CaseNotes.Evidence item = view.evidenceList().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow();
        return HttpResponse.created(CaseNotesMapper.evidence(item),
                URI.create("/api/v1/incidents/" + incidentId + "/evidence/" + id));
    }

    @Override
    @Secured({Roles.SLT, Roles.DSL})
    public HttpResponse<FileCustomizableResponseType> getEvidenceContent(UUID incidentId, UUID evidenceId) {
        Actor actor = current.get();
        EvidenceContent content = contents.findByIdAndIncidentIdAndSchoolId(evidenceId.toString(),
                        incidentId.toString(), actor.schoolId())
                .filter(found -> views.findById(found.incidentId())
                        .map(view -> view.evidenceList().stream().anyMatch(e -> e.id().equals(found.id())))
                        .orElse(false))
                .orElseThrow(() -> new DomainException(PlatformError.NOT_FOUND, "No such evidence"));
        return HttpResponse.<FileCustomizableResponseType>ok(new StreamedFile(
                        new ByteArrayInputStream(content.content()), MediaType.of(content.mediaType()), 0,
                        content.sizeBytes()))
                .header("X-Content-SHA256", content.sha256());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
