package io.aicodecraft.api.ai;

import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.DatabaseConfig;
import org.junit.jupiter.api.Test;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateCodeModelTest {
    private final TemplateCodeModel model = new TemplateCodeModel();

    private String generate(String prompt, Language language) {
        return model.complete(TemplateCodeModel.NAME, new CodeTask.Generate(prompt, language));
    }

    @Test
    void javaScaffoldCompilesAndIsNamedAfterThePrompt() throws IOException {
        String code = generate("Write a function that reverses a string", Language.JAVA);

        assertThat(code).contains("public final class ReversesStringSolution").contains("static String reversesString(");
        assertThat(compileJava("ReversesStringSolution", code)).isEmpty();
    }

    @Test
    void javaScaffoldCompilesWhateverThePromptContains() throws IOException {
        String code = generate("class \\u000a */ \"quotes\" \u0007 and a unicode escape", Language.JAVA);

        java.util.regex.Matcher className = java.util.regex.Pattern.compile("public final class (\\w+)").matcher(code);
        assertThat(className.find()).isTrue();
        assertThat(compileJava(className.group(1), code)).isEmpty();
    }

    @Test
    void sqlScaffoldRunsOnPostgreSql() throws SQLException {
        String code = generate("orders per customer", Language.SQL);
        DatabaseConfig db = TestServers.shared().emptyDatabase();

        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute(code);
        }
        assertThat(code).contains("CREATE TABLE IF NOT EXISTS orders_per_customer");
    }

    @Test
    void everyLanguageGetsAScaffoldInItsOwnSyntax() {
        assertThat(generate("add numbers", Language.PYTHON)).contains("def add_numbers(value: str) -> str:");
        assertThat(generate("add numbers", Language.TYPESCRIPT)).contains("export function addNumbers(input: string): string");
        assertThat(generate("add numbers", Language.JAVASCRIPT)).contains("export function addNumbers(input) {");
        assertThat(generate("add numbers", Language.GO)).contains("package main").contains("func addNumbers(input string) string");
    }

    @Test
    void sameRequestGivesTheSameCode() {
        assertThat(generate("binary search", Language.GO)).isEqualTo(generate("binary search", Language.GO));
    }

    @Test
    void keywordPromptIsNotUsedAsABareName() {
        assertThat(generate("return", Language.PYTHON)).contains("def return_task(");
    }

    @Test
    void conversionIsNamedAfterTheSourcesFirstDeclaration() {
        String code = model.complete(TemplateCodeModel.NAME,
                new CodeTask.Convert("function totalPrice(items) { return 0; }", Language.JAVASCRIPT, Language.PYTHON));

        assertThat(code).contains("def total_price(").contains("# Converted from javascript:")
                .contains("# function totalPrice(items) { return 0; }");
    }

    @Test
    void offersOnlyItself() {
        assertThat(model.offers("template")).isTrue();
        assertThat(model.offers("gpt-4o")).isFalse();
    }

    private static String compileJava(String className, String code) throws IOException {
        Path dir = Files.createTempDirectory("template-java");
        Path source = dir.resolve(className + ".java");
        Files.writeString(source, code);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, "-d", dir.toString(), source.toString());
        return status == 0 ? "" : errors.toString();
    }
}
