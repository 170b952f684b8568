package uk.schoolsocial.platform.axon;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;

/**
 * A process manager for platform tests: starts on every note and ends at once, remembering the
 * notes it saw; a test can make it fail on some. Sagas have no dead-letter queue in Axon 4, so a
 * failing saga must stop its processor and retry, never skip the event.
 */
public class NoteSaga {

    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static volatile Predicate<String> failing = text -> false;

    @StartSaga
    @EndSaga
    @SagaEventHandler(associationProperty = "id")
    void on(NoteAggregate.NoteWrittenEvent event) {
        if (failing.test(event.text())) {
            throw new IllegalStateException("the saga cannot take this note (test)");
        }
        SEEN.add(event.id());
    }
}
