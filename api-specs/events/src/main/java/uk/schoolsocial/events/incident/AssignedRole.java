package uk.schoolsocial.events.incident;

/** Who handles an incident once routed (INC-2); {@code SLT} includes the headteacher. */
public enum AssignedRole {
    DSL, SLT
}
