package io.aicodecraft.api.template;

import io.aicodecraft.api.ai.Language;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateDraftTest {

    private static TemplateDraft draft(String body, Optional<List<String>> variables) {
        return TemplateDraft.of("n", "d", "Testing ", Language.JAVA, body, variables);
    }

    @Test
    void variablesLeftOutAreTheBodysPlaceholders() {
        assertThat(draft("{{x}} and {{y}}", Optional.empty()).variables()).containsExactly("x", "y");
    }

    @Test
    void declaredVariablesInAnyOrderAreKeptAsDeclared() {
        assertThat(draft("{{x}} and {{y}}", Optional.of(List.of("y", "x"))).variables()).containsExactly("y", "x");
    }

    @Test
    void categoryIsTrimmedAndLowerCased() {
        assertThat(draft("b", Optional.empty()).category()).isEqualTo("testing");
    }

    @Test
    void aPlaceholderThatIsNotDeclaredIsRefused() {
        assertThatThrownBy(() -> draft("{{x}} and {{y}}", Optional.of(List.of("x"))))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> {
                    assertThat(e.field()).isEqualTo("variables");
                    assertThat(e.getMessage()).contains("undeclared: [y]");
                });
    }

    @Test
    void aDeclaredVariableTheBodyDoesNotUseIsRefused() {
        assertThatThrownBy(() -> draft("{{x}}", Optional.of(List.of("x", "z"))))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> assertThat(e.getMessage()).contains("not in the body: [z]"));
    }

    @Test
    void aVariableNameThatCannotBeAPlaceholderIsRefused() {
        assertThatThrownBy(() -> draft("{{x}}", Optional.of(List.of("x", "two words"))))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> assertThat(e.getMessage()).contains("'two words'"));
    }

    @Test
    void aVariableDeclaredTwiceIsRefused() {
        assertThatThrownBy(() -> draft("{{x}}", Optional.of(List.of("x", "x"))))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> assertThat(e.getMessage()).contains("twice"));
    }
}
