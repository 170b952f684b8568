// A program an integrator could write with the packed client: INC-1 a member of staff reports a
// pupil's friend request, INC-2 it goes straight to the DSL, INC-7 the reporter sees only its status while the DSL
// sees the case file, and an error arrives as problem+json with a stable code.
// Reads SCHOOL_SOCIAL_URL (the gateway), STAFF_TOKEN and DSL_TOKEN; exits 1 on the first surprise.
import { randomUUID } from 'node:crypto';
import { incident } from 'school-social-client';

function env(name: string): string {
    const value = process.env[name];
    if (!value) {
        throw new Error(`${name} is not set`);
    }
    return value;
}

function check(condition: boolean, what: string): void {
    if (!condition) {
        throw new Error(`expected ${what}`);
    }
}

function incidentsAs(token: string): incident.IncidentsApi {
    return new incident.IncidentsApi(new incident.Configuration({ basePath: env('SCHOOL_SOCIAL_URL'), accessToken: token }));
}

async function main(): Promise<void> {
    const staff = incidentsAs(env('STAFF_TOKEN'));
    const dsl = incidentsAs(env('DSL_TOKEN'));
    const whatHappened = 'A Year 9 pupil sent a friend request to a teacher\'s personal account.';

    const reported = await staff.reportIncident({
        idempotencyKey: randomUUID(),
        reportIncidentRequest: {
            category: incident.IncidentCategory.PupilContactWithStaff,
            whatHappened,
            occurredAt: new Date(Date.now() - 3_600_000),
            platform: 'Instagram',
            location: 'Direct message',
            officialAccountInvolved: false,
            peopleInvolved: [{ role: incident.InvolvedPersonRole.Pupil, description: 'A Year 9 pupil' }],
        },
    });
    console.log(`reported ${reported.id} as ${reported.view}`);

    const asReporter = await staff.getIncident({ incidentId: reported.id });
    check(asReporter.view === 'STATUS_ONLY', `the reporter to see STATUS_ONLY, not ${asReporter.view}`);
    console.log(`reporter sees ${asReporter.view} ${asReporter.status}`);

    const asDsl = await dsl.getIncident({ incidentId: reported.id });
    check(asDsl.view === 'CASE_FILE', `the DSL to see CASE_FILE, not ${asDsl.view}`);
    if (asDsl.view === 'CASE_FILE') {
        check(asDsl.whatHappened === whatHappened, 'the DSL to read what the reporter wrote');
        check(asDsl.assignedRole === incident.IncidentAssignedRole.Dsl, `routing to the DSL, not ${asDsl.assignedRole}`);
    }
    console.log(`dsl sees ${asDsl.view} assigned to ${asDsl.view === 'CASE_FILE' ? asDsl.assignedRole : '?'}`);

    try {
        await staff.getIncident({ incidentId: randomUUID() });
        throw new Error('expected 404 for an incident that does not exist');
    } catch (e) {
        if (!(e instanceof incident.ResponseError)) {
            throw e;
        }
        const problem: incident.Problem = incident.ProblemFromJSON(await e.response.json());
        check(e.response.headers.get('content-type')?.startsWith('application/problem+json') === true,
            'an application/problem+json error');
        check(e.response.status === 404 && problem.code === 'NOT_FOUND', `404 NOT_FOUND, not ${e.response.status} ${problem.code}`);
        console.log(`unknown incident: ${problem.status} ${problem.code}`);
    }
    console.log('OK');
}

main().catch(async (e: unknown) => {
    const answer = e instanceof incident.ResponseError ? ` (${e.response.status} ${await e.response.text()})` : '';
    console.error(`FAILED: ${e instanceof Error ? e.message : String(e)}${answer}`);
    process.exit(1);
});
