package uk.schoolsocial.auditcli.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import uk.schoolsocial.auditcli.UsageException;

/** Reads and writes kept checkpoints ({@code cp.json}). */
public final class Checkpoints {

    private Checkpoints() {
    }

    public static KeptCheckpoint read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("No checkpoint file " + file);
        }
        try {
            return KeptCheckpoint.from(ExportJson.LENIENT.readTree(file.toFile()));
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException(file + " is not a checkpoint: " + e.getMessage(), e);
        }
    }

    public static void write(KeptCheckpoint checkpoint, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, ExportJson.WRITER.writeValueAsBytes(checkpoint));
    }
}
