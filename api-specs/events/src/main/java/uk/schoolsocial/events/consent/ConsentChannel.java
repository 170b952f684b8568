package uk.schoolsocial.events.consent;

/** Where a pupil's image may be published, each consented separately (CON-1). */
public enum ConsentChannel {
    WEBSITE, OFFICIAL_SOCIAL_MEDIA, PRINT, PRESS_AND_MEDIA, VIDEO_AND_LIVE_STREAM
}
