package io.aicodecraft.api.ai;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The languages the API generates and converts between. */
public enum Language {
    JAVA, PYTHON, TYPESCRIPT, JAVASCRIPT, GO, SQL;

    public static final String NAMES = Arrays.stream(values()).map(Language::id).collect(Collectors.joining(", "));

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Language> byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id().equals(id.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
