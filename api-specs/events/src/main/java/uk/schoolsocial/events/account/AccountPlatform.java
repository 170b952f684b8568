package uk.schoolsocial.events.account;

/** Where an official account lives (ACC-1). */
public enum AccountPlatform {
    FACEBOOK, X, INSTAGRAM, YOUTUBE, LINKEDIN, BLOG, OTHER
}
