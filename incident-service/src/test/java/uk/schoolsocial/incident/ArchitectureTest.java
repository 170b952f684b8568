package uk.schoolsocial.incident;

import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.testing.ArchitectureRules;

class ArchitectureTest {

    @Test
    void layersFollowTheConventions() {
        ArchitectureRules.check("uk.schoolsocial.incident");
    }
}
