package io.aicodecraft.api.ai;

import io.aicodecraft.api.config.ModelConfig;

import java.util.Optional;

/** A provider of code: the offline template model or an OpenAI-compatible service. */
public interface CodeModel {

    /** The model used when a request names none. */
    String defaultModel();

    /** Whether a request may ask for {@code model} by name. */
    boolean offers(String model);

    /** The model a request gets: the one it names, if offered, or the default. */
    default String choose(Optional<String> requested) {
        String model = requested.orElse(defaultModel());
        if (!offers(model)) {
            throw new UnknownModelException("model '" + model + "' is not offered here; leave it out to use '"
                    + defaultModel() + "'");
        }
        return model;
    }

    /** Returns the code for {@code task}, or throws {@link ModelFailureException}. */
    String complete(String model, CodeTask task);

    static CodeModel from(ModelConfig config) {
        return switch (config.provider()) {
            case TEMPLATE -> new TemplateCodeModel();
            case OPENAI -> new OpenAiCodeModel(config);
        };
    }
}
