package io.aicodecraft.api.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The offline model: a deterministic, compilable scaffold in the target language, named after the prompt
 * (or, for a conversion, after the first declaration in the source) and carrying the request as a comment.
 * It lets the whole platform run, and be tested, without a network or a paid model.
 */
public final class TemplateCodeModel implements CodeModel {
    public static final String NAME = "template";

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern DECLARATION =
            Pattern.compile("\\b(?:def|function|func|fn|class|interface|TABLE|table)\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern CAMEL_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|_+");
    private static final int MAX_WORDS = 5;
    private static final int MAX_COMMENT_LINES = 200;
    private static final int MAX_COMMENT_LINE_LENGTH = 300;
    private static final Set<String> FILLER = Set.of("a", "an", "the", "write", "create", "make", "implement",
            "please", "code", "program", "function", "method", "that", "which", "to", "in", "of", "for", "me", "some");
    /** Keywords of the supported languages that a one-word prompt could otherwise turn into a name. */
    private static final Set<String> RESERVED = Set.of("abstract", "and", "as", "assert", "async", "await",
            "boolean", "break", "byte", "case", "catch", "chan", "char", "class", "const", "continue", "create",
            "default", "def", "defer", "del", "delete", "do", "double", "elif", "else", "enum", "except", "export",
            "extends", "false", "final", "finally", "float", "for", "from", "func", "function", "global", "go",
            "goto", "group", "if", "implements", "import", "in", "instanceof", "int", "interface", "is", "lambda",
            "let", "long", "map", "native", "new", "none", "nonlocal", "not", "null", "or", "order", "package",
            "pass", "private", "protected", "public", "raise", "range", "return", "select", "short", "static",
            "strictfp", "struct", "super", "switch", "synchronized", "table", "this", "throw", "throws", "transient",
            "true", "try", "type", "typeof", "user", "var", "void", "volatile", "where", "while", "with", "yield",
            "main", "string", "object", "input", "value", "args");

    @Override
    public String defaultModel() {
        return NAME;
    }

    @Override
    public boolean offers(String model) {
        return NAME.equals(model);
    }

    @Override
    public String complete(String model, CodeTask task) {
        return switch (task) {
            case CodeTask.Generate g -> scaffold(g.language(), promptWords(g.prompt()), "Prompt:\n" + g.prompt());
            case CodeTask.Convert c -> scaffold(c.to(), declaredWords(c.sourceCode()),
                    "Converted from " + c.from().id() + ":\n" + c.sourceCode());
            case CodeTask.Chat chat -> scaffold(chat.language(), promptWords(chat.message()),
                    "Turn " + (chat.earlier().size() + 1) + " of a conversation:\n" + chat.message());
        };
    }

    private static List<String> promptWords(String prompt) {
        List<String> all = WORD.matcher(prompt).results().map(r -> r.group().toLowerCase(Locale.ROOT)).toList();
        List<String> meaningful = all.stream().filter(w -> !FILLER.contains(w)).toList();
        List<String> chosen = meaningful.isEmpty() ? all : meaningful;
        return chosen.isEmpty() ? List.of("generated") : chosen.subList(0, Math.min(MAX_WORDS, chosen.size()));
    }

    private static List<String> declaredWords(String source) {
        Matcher m = DECLARATION.matcher(source);
        if (!m.find()) {
            return List.of("converted");
        }
        List<String> words = new ArrayList<>();
        for (String part : CAMEL_BOUNDARY.split(m.group(1))) {
            if (!part.isEmpty() && words.size() < MAX_WORDS) {
                words.add(part.toLowerCase(Locale.ROOT));
            }
        }
        return words.isEmpty() ? List.of("converted") : words;
    }

    private static String scaffold(Language language, List<String> words, String request) {
        String camel = unreserved(words.getFirst() + pascal(words.subList(1, words.size())), "Task");
        String snake = unreserved(String.join("_", words), "_task");
        return switch (language) {
            case JAVA -> java(pascal(words) + "Solution", camel, comment("//", request.replace("\\", "\\\\")));
            case PYTHON -> python(snake, comment("#", request));
            case TYPESCRIPT -> typescript(camel, comment("//", request));
            case JAVASCRIPT -> javascript(camel, comment("//", request));
            case GO -> go(camel, comment("//", request));
            case SQL -> sql(snake, comment("--", request));
        };
    }

    private static String java(String className, String method, String header) {
        return header + """
                public final class %1$s {

                    private %1$s() {
                    }

                    /** Template scaffold: replace the body with the real implementation. */
                    public static String %2$s(String input) {
                        return input;
                    }

                    public static void main(String[] args) {
                        System.out.println(%2$s(args.length > 0 ? args[0] : ""));
                    }
                }
                """.formatted(className, method);
    }

    private static String python(String function, String header) {
        return header + """
                import sys


                def %1$s(value: str) -> str:
                    \"""Template scaffold: replace the body with the real implementation.\"""
                    return value


                if __name__ == "__main__":
                    print(%1$s(sys.argv[1] if len(sys.argv) > 1 else ""))
                """.formatted(function);
    }

    private static String typescript(String function, String header) {
        return header + """
                /** Template scaffold: replace the body with the real implementation. */
                export function %1$s(input: string): string {
                  return input;
                }
                """.formatted(function);
    }

    private static String javascript(String function, String header) {
        return header + """
                /** Template scaffold: replace the body with the real implementation. */
                export function %1$s(input) {
                  return input;
                }
                """.formatted(function);
    }

    private static String go(String function, String header) {
        return header + """
                package main

                import (
                \t"fmt"
                \t"os"
                )

                // %1$s is a template scaffold: replace the body with the real implementation.
                func %1$s(input string) string {
                \treturn input
                }

                func main() {
                \tinput := ""
                \tif len(os.Args) > 1 {
                \t\tinput = os.Args[1]
                \t}
                \tfmt.Println(%1$s(input))
                }
                """.formatted(function);
    }

    private static String sql(String table, String header) {
        return header + """
                CREATE TABLE IF NOT EXISTS %1$s (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    input TEXT NOT NULL,
                    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
                );

                SELECT id, input, created_at
                FROM %1$s
                ORDER BY created_at DESC
                LIMIT 100;
                """.formatted(table);
    }

    /** The request as line comments, without control characters, bounded so a huge source stays readable. */
    private static String comment(String marker, String text) {
        List<String> lines = text.lines().toList();
        StringBuilder out = new StringBuilder(marker).append(" Generated by the AICodeCraft template model.\n");
        lines.stream().limit(MAX_COMMENT_LINES)
                .map(line -> line.replaceAll("\\p{Cntrl}", " ").stripTrailing())
                .map(line -> line.length() > MAX_COMMENT_LINE_LENGTH ? line.substring(0, MAX_COMMENT_LINE_LENGTH) + " ..." : line)
                .forEach(line -> out.append(marker).append(line.isEmpty() ? "" : " " + line).append('\n'));
        if (lines.size() > MAX_COMMENT_LINES) {
            out.append(marker).append(" ... ").append(lines.size() - MAX_COMMENT_LINES).append(" more lines\n");
        }
        return out.append('\n').toString();
    }

    private static String pascal(List<String> words) {
        return words.stream().map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining());
    }

    private static String unreserved(String name, String suffix) {
        return RESERVED.contains(name.toLowerCase(Locale.ROOT)) ? name + suffix : name;
    }
}
