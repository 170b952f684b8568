package uk.schoolsocial.launcher;

/** A deployable that never becomes healthy, like one stuck waiting for a resource. */
public final class SilentDeployable {

    private SilentDeployable() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println("waiting for something that never comes");
        Thread.sleep(Long.MAX_VALUE);
    }
}
