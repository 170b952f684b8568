/**
 * The published classification of personal data in events (AUD-4): which components hold whose
 * data, how long it is kept and whose key seals it. Identifiers (components named {@code ...Id},
 * {@code ...Ids}) are pseudonyms kept for the audit trail; they identify nobody once the roster
 * entry they point to is erased.
 */
package uk.schoolsocial.events.privacy;
