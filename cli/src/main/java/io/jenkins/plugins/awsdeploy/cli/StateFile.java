package io.jenkins.plugins.awsdeploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code --state-file}: every checkpoint is saved to it, and a run that finds an unfinished one resumes it
 * instead of starting over, but only if it is the same deployment.
 */
final class StateFile {

    private final Path path;

    StateFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** The stored checkpoint if the file exists; empty (with a problem) if it cannot be read. */
    Optional<Checkpoint> read(List<Problem> problems) {
        if (!Files.exists(path)) return Optional.empty();
        Checkpoint stored;
        try {
            stored = JsonCodec.load(path);
        } catch (RuntimeException e) {
            problems.add(new Problem("--state-file", path + " cannot be read as a deployment's state (" + e.getMessage()
                    + "); move it away to start a new deployment"));
            return Optional.empty();
        }
        // Resuming from a phase its own plan does not have would act on a step nobody asked for.
        List<String> wrong = stored.contradictions();
        if (!wrong.isEmpty()) {
            problems.add(new Problem("--state-file", path + " contradicts itself (" + String.join("; ", wrong)
                    + "); it was edited or written by another version. Check where traffic is, then move it away"));
            return Optional.empty();
        }
        return Optional.of(stored);
    }

    /**
     * Throws when the file cannot be written: the deployment loop then stops the deployment and puts traffic
     * back, because one that can no longer be resumed must not run on unattended.
     */
    void save(Checkpoint checkpoint) {
        JsonCodec.save(checkpoint, path);
    }

    /**
     * The fields in which two deployments' identities differ, as JSON names; empty if they are the same.
     * Compared as JSON because that is what the state file holds: equal JSON, equal deployment.
     */
    static List<String> differences(Object stored, Object wanted) {
        ObjectMapper mapper = new ObjectMapper();
        List<String> differ = new ArrayList<>();
        try {
            JsonNode a = mapper.readTree(JsonCodec.write(stored));
            JsonNode b = mapper.readTree(JsonCodec.write(wanted));
            if (a.equals(b)) return differ;
            Iterator<String> fields = b.fieldNames();
            while (fields.hasNext()) {
                String f = fields.next();
                if (!b.get(f).equals(a.get(f))) differ.add(f);
            }
            a.fieldNames().forEachRemaining(f -> {
                if (!b.has(f)) differ.add(f);
            });
            if (differ.isEmpty()) differ.add("kind of deployment");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            differ.add("unreadable: " + e.getOriginalMessage());
        }
        return differ;
    }
}
