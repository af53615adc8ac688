package io.aicodecraft.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.api.ai.Language;
import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A request's JSON object, read with a size bound, with accessors that name the field in every 400 so a
 * client knows what to fix.
 */
public final class JsonBody {
    public static final int MAX_BYTES = 256 * 1024;

    private final ObjectNode object;

    private JsonBody(ObjectNode object) {
        this.object = object;
    }

    /** Reads the body; 413 past {@link #MAX_BYTES}, 400 when it is not one JSON object or has other fields. */
    public static JsonBody read(ServerRequest req, ObjectMapper json, Set<String> fields) {
        OptionalLong declared = req.headers().contentLength();
        if (declared.orElse(0) > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] bytes = !req.content().hasEntity() ? new byte[0]
                : declared.isPresent() ? req.content().as(byte[].class) : readChunked(req);
        if (bytes.length == 0) {
            throw ProblemException.invalid("body", "the request body is empty; send a JSON object");
        }
        JsonNode tree;
        try {
            tree = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("body", "the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw ProblemException.invalid("body", "the request body must be a JSON object");
        }
        return only(object, fields, "");
    }

    /** Every unknown field at once: the first is {@code field}, the detail names them all. */
    private static JsonBody only(ObjectNode object, Set<String> fields, String path) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                unknown.add("'" + path + name + "'");
            }
        }
        if (!unknown.isEmpty()) {
            String first = unknown.getFirst();
            throw ProblemException.invalid(first.substring(1, first.length() - 1), (unknown.size() == 1
                    ? "unknown field " : "unknown fields ") + String.join(", ", unknown) + "; expected only " + fields);
        }
        return new JsonBody(object);
    }

    /** Without a Content-Length the size is known only by reading: stop one byte past the limit. */
    private static byte[] readChunked(ServerRequest req) {
        byte[] bytes;
        try (InputStream in = req.content().inputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // the web server decodes the chunks while we read: a chunk size that is not hexadecimal surfaces here
            // as a NumberFormatException, the client's error
            throw ProblemException.invalid("body", "the chunked request body is malformed: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        return bytes;
    }

    public String text(String field, int maxBytes) {
        String value = optionalText(field).orElseThrow(
                () -> ProblemException.invalid(field, "field '" + field + "' is required"));
        if (value.isBlank()) {
            throw ProblemException.invalid(field, "field '" + field + "' must not be blank");
        }
        if (value.length() > maxBytes / 3 && value.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw ProblemException.invalid(field, "field '" + field + "' is longer than " + maxBytes + " bytes");
        }
        refuseNul(field, value);
        return value;
    }

    public Optional<String> optionalText(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw ProblemException.invalid(field, "field '" + field + "' must be a string");
        }
        return Optional.of(node.asText());
    }

    /** Whether the body has {@code field}, even as null (which a PATCH may use to remove a value). */
    public boolean has(String field) {
        return object.has(field);
    }

    /** Whether {@code field} is given as JSON null. */
    public boolean isNull(String field) {
        JsonNode node = object.get(field);
        return node != null && node.isNull();
    }

    public Optional<Boolean> optionalBoolean(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            throw ProblemException.invalid(field, "field '" + field + "' must be true or false");
        }
        return Optional.of(node.booleanValue());
    }

    public Language language(String field) {
        String id = text(field, 64);
        return Language.byId(id).orElseThrow(() -> ProblemException.invalid(field,
                "field '" + field + "': unknown language '" + id + "'; supported: " + Language.NAMES));
    }

    public Optional<Language> optionalLanguage(String field) {
        return object.hasNonNull(field) ? Optional.of(language(field)) : Optional.empty();
    }

    /** An array of strings; empty when the field is absent or null. */
    public Optional<List<String>> optionalTextList(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw ProblemException.invalid(field, "field '" + field + "' must be an array of strings");
        }
        List<String> values = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw ProblemException.invalid(field, "field '" + field + "' must be an array of strings");
            }
            values.add(item.asText());
        }
        return Optional.of(values);
    }

    /** An object whose members are all strings, in document order; no members when the field is absent or null. */
    public Map<String, String> textMap(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!(node instanceof ObjectNode members)) {
            throw ProblemException.invalid(field, "field '" + field + "' must be an object of strings");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : members.properties()) {
            if (!member.getValue().isTextual()) {
                throw ProblemException.invalid(field + "." + member.getKey(),
                        "field '" + field + "." + member.getKey() + "' must be a string");
            }
            values.put(member.getKey(), member.getValue().asText());
        }
        return values;
    }

    /**
     * The members of array {@code field}, each a JSON object with only {@code fields}; 400 naming {@code field[i]}.
     * Accessors of a member name its fields without the {@code field[i].} prefix.
     */
    public List<JsonBody> objects(String field, Set<String> fields) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            throw ProblemException.invalid(field, "field '" + field + "' is required");
        }
        if (!node.isArray()) {
            throw ProblemException.invalid(field, "field '" + field + "' must be an array of objects");
        }
        List<JsonBody> members = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String path = field + "[" + i + "]";
            if (!(node.get(i) instanceof ObjectNode member)) {
                throw ProblemException.invalid(path, "'" + path + "' must be an object");
            }
            members.add(only(member, fields, path + "."));
        }
        return members;
    }

    private static ProblemException tooLarge() {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                "the request body is larger than " + MAX_BYTES + " bytes", Optional.of("body"));
    }

    /** PostgreSQL text cannot hold U+0000: refused at the edge, a 400 rather than a failed insert. */
    static void refuseNul(String field, String value) {
        if (value.indexOf('\u0000') >= 0) {
            throw ProblemException.invalid(field, "field '" + field + "' must not contain the character U+0000");
        }
    }
}
