package uk.schoolsocial.account.official.process;

/** ACC-7: the payload of a handover's overdue deadline. */
record HandoverDeadline(String accountId, String handoverId) {
}
