package uk.schoolsocial.gateway;

/** Reads why an application context failed to start. */
public final class Failures {

    private Failures() {
    }

    /** The messages of the failure and all its causes, one a line. */
    public static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }
}
