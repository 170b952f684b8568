package uk.schoolsocial.auditcli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** An export file read as lines: its last line (the manifest) from the end, the others streamed. */
final class ExportFile {

    static final long MAX_LINE = 64L * 1024 * 1024;

    private ExportFile() {
    }

    /** The manifest object of the last line, or null if the last line holds none. */
    static JsonNode manifestNode(byte[] line) {
        if (line.length == 0) {
            return null;
        }
        JsonNode manifest;
        try {
            manifest = ExportJson.tree(line).get("manifest");
        } catch (ExportJson.Malformed e) {
            return null;
        }
        return manifest != null && manifest.isObject() ? manifest : null;
    }

    /** The last line (without its newline) and where it starts. */
    record Tail(long offset, byte[] line) {
    }

    static Tail readTail(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long end = in.length();
            if (end > 0) {
                in.seek(end - 1);
                if (in.read() == '\n') {
                    end--;
                }
            }
            long start = 0;
            byte[] block = new byte[8192];
            long position = end;
            search:
            while (position > 0) {
                int size = (int) Math.min(block.length, position);
                in.seek(position - size);
                in.readFully(block, 0, size);
                for (int i = size - 1; i >= 0; i--) {
                    if (block[i] == '\n') {
                        start = position - size + i + 1;
                        break search;
                    }
                }
                position -= size;
            }
            if (end - start > MAX_LINE) {
                return new Tail(start, new byte[0]);
            }
            byte[] line = new byte[(int) (end - start)];
            in.seek(start);
            in.readFully(line);
            return new Tail(start, line);
        }
    }

    /** Reads newline-terminated lines up to a byte offset, one line in memory at a time. */
    static final class LineReader {
        private final InputStream in;
        private final long limit;
        private final byte[] buffer = new byte[1 << 16];
        private int filled;
        private int next;
        private long position;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);

        LineReader(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        /** The next line without its newline, or null at the limit. */
        byte[] next() throws IOException {
            if (position >= limit) {
                return null;
            }
            line.reset();
            while (position < limit) {
                if (next == filled) {
                    filled = in.read(buffer, 0, (int) Math.min(buffer.length, limit - position));
                    next = 0;
                    if (filled <= 0) {
                        filled = 0;
                        break;
                    }
                }
                int from = next;
                int stop = from;
                while (stop < filled && buffer[stop] != '\n') {
                    stop++;
                }
                line.write(buffer, from, stop - from);
                position += stop - from;
                if (line.size() > MAX_LINE) {
                    throw new IOException("a line longer than " + MAX_LINE + " bytes");
                }
                if (stop < filled) {
                    next = stop + 1;
                    position++;
                    return line.toByteArray();
                }
                next = filled;
            }
            return line.toByteArray();
        }
    }

}
