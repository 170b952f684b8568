package uk.schoolsocial.launcher;

/** A deployable that fails at start-up the way a misconfigured service does. */
public final class CrashingDeployable {

    private CrashingDeployable() {}

    public static void main(String[] args) {
        System.out.println("starting up");
        System.out.println("boom: cannot connect to the database");
        System.exit(3);
    }
}
