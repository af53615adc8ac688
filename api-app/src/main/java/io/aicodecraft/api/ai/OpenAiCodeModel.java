package io.aicodecraft.api.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.api.config.ModelConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat-completions service ({@code POST {baseUrl}chat/completions}). One retry on a 5xx
 * answer or a timeout, since both are usually passing; anything else is reported at once as a model failure.
 */
public final class OpenAiCodeModel implements CodeModel {
    private static final Pattern FENCED = Pattern.compile("```[A-Za-z0-9_+-]*\\s*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");
    private static final int ATTEMPTS = 2;
    private static final String SYSTEM = "You write code. Answer with the code only, in a single fenced code block.";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final URI endpoint;
    private final String defaultModel;
    private final Optional<String> apiKey;
    private final Duration readTimeout;

    public OpenAiCodeModel(ModelConfig config) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .build();
        this.endpoint = config.baseUrl().orElseThrow().resolve("chat/completions");
        this.defaultModel = config.name().orElseThrow();
        this.apiKey = config.apiKey();
        this.readTimeout = config.readTimeout();
    }

    @Override
    public String defaultModel() {
        return defaultModel;
    }

    @Override
    public boolean offers(String model) {
        return MODEL_NAME.matcher(model).matches();
    }

    @Override
    public String complete(String model, CodeTask task) {
        HttpRequest request = request(model, task);
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt == ATTEMPTS;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 500 && !last) {
                    continue;
                }
                if (status != 200) {
                    throw new ModelFailureException("the code model answered HTTP " + status);
                }
                return code(response.body());
            } catch (HttpTimeoutException e) {
                if (last) {
                    throw new ModelFailureException("the code model did not answer within " + readTimeout.toMillis() + " ms", e);
                }
            } catch (IOException e) {
                throw new ModelFailureException("the code model could not be reached: " + e.getClass().getSimpleName(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelFailureException("interrupted while waiting for the code model", e);
            }
        }
    }

    private HttpRequest request(String model, CodeTask task) {
        ObjectNode body = json.createObjectNode();
        body.put("model", model);
        body.put("temperature", 0);
        ArrayNode messages = body.putArray("messages");
        if (task instanceof CodeTask.Chat chat) {
            messages.add(message("system", SYSTEM + " The conversation is about " + chat.language().id() + " code."
                    + chat.systemPrompt().map(prompt -> "\n\n" + prompt).orElse("")));
            for (Exchange earlier : chat.earlier()) {
                messages.add(message("user", earlier.user())).add(message("assistant", earlier.assistant()));
            }
            messages.add(message("user", chat.message()));
        } else {
            messages.add(message("system", SYSTEM)).add(message("user", instruction(task)));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        apiKey.ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return builder.build();
    }

    private ObjectNode message(String role, String content) {
        return json.createObjectNode().put("role", role).put("content", content);
    }

    private static String instruction(CodeTask task) {
        return switch (task) {
            case CodeTask.Generate g -> "Write " + g.language().id() + " code for this request:\n\n" + g.prompt();
            case CodeTask.Convert c -> "Convert this " + c.from().id() + " code to " + c.to().id()
                    + ", keeping its behaviour:\n\n" + c.sourceCode();
            case CodeTask.Chat chat -> chat.message();
        };
    }

    private String code(String responseBody) {
        JsonNode content;
        try {
            content = json.readTree(responseBody).path("choices").path(0).path("message").path("content");
        } catch (IOException e) {
            throw new ModelFailureException("the code model answered with malformed JSON", e);
        }
        if (!content.isTextual() || content.asText().isBlank()) {
            throw new ModelFailureException("the code model's answer has no choices[0].message.content");
        }
        Matcher fenced = FENCED.matcher(content.asText());
        return fenced.find() ? fenced.group(1) : content.asText().strip() + "\n";
    }
}
