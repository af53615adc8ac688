package io.aicodecraft.api.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.api.config.ModelConfig;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An OpenAI-compatible chat-completions service ({@code POST {baseUrl}chat/completions}, see {@link OpenAiEndpoint}). */
public final class OpenAiCodeModel implements CodeModel {
    private static final Pattern FENCED = Pattern.compile("```[A-Za-z0-9_+-]*\\s*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");
    private static final String SYSTEM = "You write code. Answer with the code only, in a single fenced code block.";

    private final ObjectMapper json = new ObjectMapper();
    private final OpenAiEndpoint endpoint;
    private final String defaultModel;

    public OpenAiCodeModel(ModelConfig config) {
        this.endpoint = new OpenAiEndpoint(config, "chat/completions", json, "the code model");
        this.defaultModel = config.name().orElseThrow();
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
        return code(endpoint.post(request(model, task)));
    }

    private ObjectNode request(String model, CodeTask task) {
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
        return body;
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

    private static String code(JsonNode answer) {
        JsonNode content = answer.path("choices").path(0).path("message").path("content");
        if (!content.isTextual() || content.asText().isBlank()) {
            throw new ModelFailureException("the code model's answer has no choices[0].message.content");
        }
        Matcher fenced = FENCED.matcher(content.asText());
        return fenced.find() ? fenced.group(1) : content.asText().strip() + "\n";
    }
}
