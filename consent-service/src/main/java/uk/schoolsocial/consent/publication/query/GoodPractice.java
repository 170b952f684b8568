package uk.schoolsocial.consent.publication.query;

import java.util.ArrayList;
import java.util.List;
import uk.schoolsocial.events.consent.ConsentChannel;

/** CON-4: the good-practice prompts of policy 003, returned as advice with every check, allowed or not. */
public final class GoodPractice {

    /** One prompt: a stable code and the words of the policy. */
    public record Advice(String code, String message) {
    }

    private GoodPractice() {
    }

    public static List<Advice> advice(PublicationContent content) {
        List<Advice> advice = new ArrayList<>();
        advice.add(new Advice("GROUP_SHOTS", content.pupilIds().size() == 1
                ? "This features one pupil: prefer group shots to individual shots"
                : "Use group shots rather than individual shots"));
        advice.add(new Advice("CAMERA_ANGLE",
                "Consider the camera angle: images taken over the shoulder or from behind are less identifiable"));
        advice.add(new Advice("CLOTHING",
                "Consider the pupils' clothing: avoid swimming costume shots and review sporting activity clothing"));
        advice.add(new Advice("MINIMAL_INFORMATION",
                "Keep information to an absolute minimum to minimise the risk of grooming and other safeguarding risks"));
        if (content.channel() == ConsentChannel.OFFICIAL_SOCIAL_MEDIA) {
            advice.add(new Advice("APPROVE_FOLLOWERS",
                    "Account settings should need an administrator to approve followers or posts"));
        }
        return List.copyOf(advice);
    }
}
