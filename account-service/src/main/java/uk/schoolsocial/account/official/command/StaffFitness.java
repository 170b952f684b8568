package uk.schoolsocial.account.official.command;

/**
 * ACC-5, ACC-7: what each member of staff has done, on any of the school's accounts, to be fit to
 * run one. Kept by a subscribing handler in the transaction of the accounts' events, so it is
 * never behind.
 */
public interface StaffFitness {

    /** The member's record; {@link Record#NONE} for someone who never acknowledged or trained. */
    Record of(String schoolId, String staffId);

    /**
     * @param acknowledgedVersion the newest policy version they acknowledged (0 for none)
     * @param trained             whether their training was recorded
     */
    record Record(int acknowledgedVersion, boolean trained) {
        public static final Record NONE = new Record(0, false);
    }
}
