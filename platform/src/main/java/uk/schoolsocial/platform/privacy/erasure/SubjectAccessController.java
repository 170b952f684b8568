package uk.schoolsocial.platform.privacy.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.platform.audit.AuditEntry;
import uk.schoolsocial.platform.audit.AuditLog;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.privacy.SubjectKeys;

/**
 * What this service holds about a data subject (AUD-4, UK GDPR Art. 15; privacy.yaml
 * {@code getSubjectData}): every event of the school that names the subject or one of the records
 * about them ({@link ErasureScope#records}), in order, with the subject's own personal data and the
 * records' free text opened, and other people's personal data withheld: fields sealed under another
 * person's key, and the fields of whatever names another person by id and not the subject (another
 * pupil's entry among the people involved in the same incident). Free text that names someone
 * without an id cannot be told apart and is shown: the school reviews the export before sending it. The gateway gathers it from every service
 * ({@code GET /api/v1/privacy/subject-access}). SLT only.
 */
@Controller("/api/v1/privacy/${smp.service.name}/subjects")
@ExecuteOn(TaskExecutors.BLOCKING)
class SubjectAccessController {

    /** More events than any one person's record in a school holds; past it the export says it is cut. */
    static final int MAX_EVENTS = 5_000;

    private final AuditLog log;
    private final ErasureScopes scopes;
    private final CurrentActor current;
    private final Clock clock;

    SubjectAccessController(AuditLog log, ErasureScopes scopes, CurrentActor current, Clock clock) {
        this.log = log;
        this.scopes = scopes;
        this.current = current;
        this.clock = clock;
    }

    @Get("/{subjectType}/{subjectId}")
    @Secured(Roles.SLT)
    Map<String, Object> subject(@PathVariable String subjectType, @PathVariable String subjectId) {
        SubjectType type = java.util.Arrays.stream(SubjectType.values()).filter(t -> t.name().equals(subjectType))
                .findFirst().orElse(null);
        List<FieldError> errors = new ArrayList<>();
        if (type == null) {
            errors.add(new FieldError("subjectType", "must be one of " + java.util.Arrays.toString(SubjectType.values())));
        }
        if (!SubjectRef.ID.matcher(subjectId).matches()) {
            errors.add(new FieldError("subjectId", "must be 1 to 64 of A-Z, a-z, 0-9, _ . : -"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "The subject is not valid", errors);
        }
        String school = current.get().schoolId();
        ErasureSubject subject = new ErasureSubject(school, type, subjectId, null);
        List<SubjectRef> records = scopes.records(subject);
        Set<String> disclosed = new java.util.HashSet<>();
        List<String> texts = new ArrayList<>();
        for (SubjectRef ref : concat(subject.ref(), records)) {
            String key = ref.type().name() + ":" + SubjectKeys.subjectId(school, ref.id());
            disclosed.add(key);
            texts.add(key + "\"");
            texts.add("\"" + ref.id() + "\"");
        }
        List<AuditEntry> events = log.mentioning(school, texts.stream().distinct().toList(),
                (key, holder, inList) -> disclosed.contains(key) && !anotherPersons(holder, subjectId),
                MAX_EVENTS + 1);
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("service", log.service());
        answer.put("subjectType", type.name());
        answer.put("subjectId", subjectId);
        answer.put("generatedAt", Instant.now(clock).toString());
        answer.put("records", records.stream().map(SubjectRef::toString).collect(Collectors.toList()));
        answer.put("complete", events.size() <= MAX_EVENTS);
        answer.put("events", events.size() <= MAX_EVENTS ? events : events.subList(0, MAX_EVENTS));
        return answer;
    }

    private static List<SubjectRef> concat(SubjectRef first, List<SubjectRef> rest) {
        List<SubjectRef> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** The fields by which events name a person (a pupil, a member of staff, a volunteer, a parent). */
    private static final Set<String> PERSON_IDS = Set.of("pupilId", "staffId", "volunteerId", "parentId", "rosterId",
            "leaverId");

    /**
     * Whether the object holding a field is about another person: it names someone by a person's id,
     * and never the subject (another pupil's entry among the people involved in an incident).
     */
    private static boolean anotherPersons(ObjectNode holder, String subjectId) {
        if (holder == null) {
            return false;
        }
        boolean another = false;
        for (String name : PERSON_IDS) {
            JsonNode id = holder.get(name);
            if (id != null && id.isTextual() && !id.asText().isEmpty()) {
                if (id.asText().equals(subjectId)) {
                    return false;
                }
                another = true;
            }
        }
        return another;
    }
}
