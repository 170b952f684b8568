package uk.schoolsocial.consent;

import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.testing.ArchitectureRules;

class ArchitectureTest {

    @Test
    void layersFollowTheConventions() {
        ArchitectureRules.check("uk.schoolsocial.consent");
    }
}
