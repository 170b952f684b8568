package uk.schoolsocial.consent.consent.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class PupilConsentIdTest {

    @Test
    void theSamePupilIdInTwoSchoolsNamesTwoRecords() {
        assertNotEquals(PupilConsentId.of("school-a", "pupil-1"), PupilConsentId.of("school-b", "pupil-1"));
    }

    @Test
    void theSameSchoolAndPupilAlwaysNameTheSameRecord() {
        assertEquals(PupilConsentId.of("school-a", "pupil-1"), PupilConsentId.of("school-a", "pupil-1"));
    }

    @Test
    void partsCannotBeShiftedBetweenSchoolAndPupil() {
        assertNotEquals(PupilConsentId.of("ab", "c"), PupilConsentId.of("a", "bc"));
    }
}
