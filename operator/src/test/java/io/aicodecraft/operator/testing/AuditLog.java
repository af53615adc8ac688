package io.aicodecraft.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The writes in a kube-apiserver audit log (JSON lines), as the cluster tier's policy records them. */
public record AuditLog(List<Write> writes) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WRITE_VERBS = Set.of("create", "update", "patch", "delete", "deletecollection");

    /**
     * One write request.
     *
     * @param user who made it (the impersonated user where there is one)
     * @param resource the resource, with {@code /subresource} where it was one
     * @param code the HTTP status it was answered with
     */
    public record Write(Instant at, String user, String verb, String namespace, String resource, String name,
                        int code) {
    }

    public static AuditLog read(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return new AuditLog(lines.map(AuditLog::parse)
                    .filter(event -> "ResponseComplete".equals(event.path("stage").asText()))
                    .filter(event -> WRITE_VERBS.contains(event.path("verb").asText()))
                    .map(AuditLog::write)
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The user name a ServiceAccount authenticates as. */
    public static String serviceAccountUser(String namespace, String name) {
        return "system:serviceaccount:" + namespace + ":" + name;
    }

    public AuditLog by(String user) {
        return new AuditLog(writes.stream().filter(write -> write.user().equals(user)).toList());
    }

    public AuditLog since(Instant start) {
        return new AuditLog(writes.stream().filter(write -> !write.at().isBefore(start)).toList());
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not an audit event: " + line, e);
        }
    }

    private static Write write(JsonNode event) {
        JsonNode impersonated = event.path("impersonatedUser").path("username");
        String user = impersonated.isMissingNode() ? event.path("user").path("username").asText() : impersonated.asText();
        JsonNode object = event.path("objectRef");
        String resource = object.path("resource").asText()
                + (object.hasNonNull("subresource") ? "/" + object.path("subresource").asText() : "");
        return new Write(Instant.parse(event.path("requestReceivedTimestamp").asText()), user,
                event.path("verb").asText(), object.path("namespace").asText(null), resource,
                object.path("name").asText(null), event.path("responseStatus").path("code").asInt());
    }
}
