package uk.schoolsocial.platform.axon;

/** A message was about to be dispatched without a metadata key that AUD-1 requires. */
public class MissingAuditMetadataException extends IllegalStateException {

    MissingAuditMetadataException(String payloadType, String key) {
        super("AUD-1: " + payloadType + " has no '" + key + "' metadata");
    }
}
