package uk.schoolsocial.events.privacy;

/**
 * Why a data subject's personal data was erased (AUD-4): the grounds of UK GDPR Art. 17(1), and the
 * end of a retention period (Art. 5(1)(e)).
 */
public enum ErasureGround {
    /** Art. 17(1)(a): no longer necessary for the purpose it was collected for. */
    NO_LONGER_NECESSARY,
    /** Art. 17(1)(b): the subject (or the parent) withdrew the consent it rested on. */
    CONSENT_WITHDRAWN,
    /** Art. 17(1)(c): the subject objected and no overriding legitimate grounds remain. */
    OBJECTION,
    /** Art. 17(1)(d): it was processed unlawfully. */
    UNLAWFUL_PROCESSING,
    /** Art. 17(1)(e): a legal obligation requires its erasure. */
    LEGAL_OBLIGATION,
    /** Art. 17(1)(f): collected from a child in relation to an information society service. */
    CHILD_ONLINE_SERVICE,
    /** Art. 5(1)(e): its retention period ended (the retention schedule, not a request). */
    RETENTION_EXPIRED
}
