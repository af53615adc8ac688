package io.aicodecraft.api.template;


import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template body: text with {@code {{variable}}} placeholders (spaces inside the braces allowed). Braces around
 * anything that is not a variable name, such as {@code {{ 1 }}}, are ordinary text.
 */
public record TemplateText(String text) {
    /** What a variable may be called: letters, digits and underscores, not starting with a digit. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(" + NAME.pattern() + ")\\s*}}");

    /** The distinct variable names, in order of first appearance. */
    public List<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return List.copyOf(names);
    }

    /**
     * Fills every placeholder in one pass, so a value that itself contains {@code {{x}}} is inserted as it is.
     * Every variable must be given, and nothing else: a name the template does not use is refused rather than
     * ignored, because it is most often a misspelling of one it does use.
     */
    public String render(Map<String, String> values) {
        List<String> names = placeholders();
        List<String> missing = names.stream().filter(name -> !values.containsKey(name)).toList();
        List<String> unknown = values.keySet().stream().filter(name -> !names.contains(name)).sorted().toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            List<String> problems = new ArrayList<>();
            if (!missing.isEmpty()) {
                problems.add("missing variables: " + String.join(", ", missing));
            }
            if (!unknown.isEmpty()) {
                problems.add("unknown variables (the template has only " + names + "): " + String.join(", ", unknown));
            }
            throw new InvalidTemplateException("variables", String.join("; ", problems));
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
