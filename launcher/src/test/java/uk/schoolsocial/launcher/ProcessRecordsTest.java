package uk.schoolsocial.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProcessRecordsTest {

    private Path directory;
    private ProcessRecords records;

    @BeforeEach
    void setUp() throws IOException {
        directory = TestFiles.newDirectory("records");
        records = new ProcessRecords(directory);
    }

    @AfterEach
    void deleteDirectory() throws IOException {
        TestFiles.deleteRecursively(directory);
    }

    @Test
    void aRecordReadsBackAsWrittenAndIsReplacedByTheNextOfTheSameName() {
        records.record("gateway", ProcessHandle.current().parent().orElseThrow());
        ProcessRecord current = ProcessRecord.of("gateway", ProcessHandle.current()).orElseThrow();

        records.record("gateway", ProcessHandle.current());

        assertEquals(List.of(current), records.all());
    }

    @Test
    void anUnreadableRecordIsRemovedRatherThanGuessedAt() throws IOException {
        Files.writeString(directory.resolve("account-service.process"), "pid=12\nstarted=yesterday\ncommand=java\n");

        assertEquals(List.of(), records.all());
        assertFalse(Files.exists(directory.resolve("account-service.process")));
    }
}
