package io.jenkins.plugins.awsdeploy.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checkpoints and events as JSON: the CLI's state file and {@code --json} lines, and what the Jenkins
 * step keeps in its program state (a string survives every Jenkins serialization mechanism unchanged).
 */
public final class JsonCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // The registry names each strategy's checkpoint: {"strategy": "canary", ...}
            .registerSubtypes(Strategies.all().stream().map(s -> new NamedType(s.checkpointType(), s.type()))
                    .toArray(NamedType[]::new))
            .build();

    private JsonCodec() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * {@code value} as a JSON tree written as its {@code type}, with the type's name field ({@code "kind"}) that a
     * value inside a map would lose.
     */
    public static <T> JsonNode tree(T value, Class<T> type) {
        try {
            return MAPPER.readTree(MAPPER.writerFor(type).writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + type.getSimpleName() + " as JSON", e);
        }
    }

    public static Checkpoint readCheckpoint(String json) {
        try {
            return MAPPER.readValue(json, Checkpoint.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a checkpoint of this version: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the checkpoint so that a process killed at any instant leaves the old file or the new one. */
    public static void save(Checkpoint checkpoint, Path file) {
        try {
            AtomicFile.write(file, write(checkpoint), false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the checkpoint to " + file, e);
        }
    }

    public static Checkpoint load(Path file) {
        try {
            return readCheckpoint(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the checkpoint " + file, e);
        }
    }
}
