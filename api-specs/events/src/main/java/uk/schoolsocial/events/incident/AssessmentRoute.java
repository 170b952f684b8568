package uk.schoolsocial.events.incident;

/**
 * How an incident is taken forward after its initial assessment (INC-3): internally under the
 * procedure for the kind of person who posted it, or to the platform, the police or another agency.
 */
public enum AssessmentRoute {
    INTERNAL, PLATFORM, POLICE, OTHER_AGENCY
}
