package io.aicodecraft.api.template;

import io.aicodecraft.api.ai.Language;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The content of one template version, checked: its variables are exactly the body's placeholders. A client may
 * leave the variables out, and gets the placeholders; when it lists them, a difference is a 400 so that a
 * declared variable never silently goes unused or an undeclared one unfilled.
 */
public record TemplateDraft(String name, String description, String category, Language language, String body,
                            List<String> variables) {

    public TemplateDraft {
        variables = List.copyOf(variables);
    }

    public static TemplateDraft of(String name, String description, String category, Language language, String body,
                                   Optional<List<String>> declared) {
        refuseNul("name", name);
        refuseNul("description", description);
        refuseNul("category", category);
        refuseNul("body", body);
        List<String> placeholders = new TemplateText(body).placeholders();
        List<String> variables = declared.orElse(placeholders);
        for (String variable : variables) {
            if (!TemplateText.NAME.matcher(variable).matches()) {
                throw new InvalidTemplateException("variables", "variable name '" + variable
                        + "' is not a name of letters, digits and underscores (at most 64, not starting with a digit)");
            }
        }
        if (new HashSet<>(variables).size() != variables.size()) {
            throw new InvalidTemplateException("variables", "variables " + variables + " name one variable twice");
        }
        List<String> undeclared = placeholders.stream().filter(p -> !variables.contains(p)).toList();
        List<String> unused = variables.stream().filter(v -> !placeholders.contains(v)).toList();
        if (!undeclared.isEmpty() || !unused.isEmpty()) {
            throw new InvalidTemplateException("variables", "variables must be exactly the body's {{placeholders}} "
                    + placeholders + "; undeclared: " + undeclared + ", not in the body: " + unused);
        }
        return new TemplateDraft(name, description, normaliseCategory(category), language, body, variables);
    }

    /** PostgreSQL text cannot hold U+0000; refusing it here keeps it a 400 rather than a failed insert. */
    static void refuseNul(String field, String value) {
        if (value.indexOf('\u0000') >= 0) {
            throw new InvalidTemplateException(field, "field '" + field + "' must not contain the character U+0000");
        }
    }

    /** Categories are matched exactly, so {@code Testing} and {@code testing } are one category. */
    static String normaliseCategory(String category) {
        return category.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
