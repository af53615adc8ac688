package io.aicodecraft.api.chain;

import io.aicodecraft.api.ai.Language;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One task of a submitted chain: what to generate, in which language, after which other tasks. A task given as a
 * template carries the rendered prompt and, in {@code template}, where it came from (null for a plain prompt).
 */
public record TaskSpec(String id, String prompt, TemplateRef template, Language language, List<String> dependsOn) {
    /** Ids are Redis hash field parts and appear in reasons: short and free of separators. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public TaskSpec {
        dependsOn = List.copyOf(dependsOn);
    }

    /** The prompt the model sees: the task's own words first, then what the tasks it depends on produced. */
    public String promptWith(Map<String, String> context) {
        if (dependsOn.isEmpty()) {
            return prompt;
        }
        StringBuilder text = new StringBuilder(prompt)
                .append("\n\nContext, the results of the tasks this one builds on:");
        for (String dependency : dependsOn) {
            text.append("\n--- task ").append(dependency).append(" ---\n").append(context.getOrDefault(dependency, ""));
        }
        return text.toString();
    }
}
