package io.aicodecraft.api.template;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTextTest {

    @Test
    void placeholdersAreTheDistinctNamesInOrderOfFirstUse() {
        TemplateText text = new TemplateText("{{b}} then {{ a }} then {{b}} and {{_c1}}");

        assertThat(text.placeholders()).containsExactly("b", "a", "_c1");
    }

    @Test
    void bracesAroundSomethingThatIsNotANameAreText() {
        TemplateText text = new TemplateText("map {{ 1 }} and {{a-b}} and {single} and {{ok}}");

        assertThat(text.placeholders()).containsExactly("ok");
        assertThat(text.render(Map.of("ok", "fine"))).isEqualTo("map {{ 1 }} and {{a-b}} and {single} and fine");
    }

    @Test
    void renderFillsEveryOccurrence() {
        TemplateText text = new TemplateText("class {{name}} { {{ name }}() {} } // {{purpose}}");

        assertThat(text.render(Map.of("name", "Parser", "purpose", "parses")))
                .isEqualTo("class Parser { Parser() {} } // parses");
    }

    @Test
    void valuesAreInsertedAsTheyAreEvenWhenTheyLookLikePlaceholdersOrReplacementSyntax() {
        TemplateText text = new TemplateText("{{a}} {{b}}");

        assertThat(text.render(Map.of("a", "{{b}}", "b", "$1 \\ $"))).isEqualTo("{{b}} $1 \\ $");
    }

    @Test
    void missingVariablesAreA400ListingEachOfThem() {
        TemplateText text = new TemplateText("{{first}} {{second}} {{third}}");

        assertThatThrownBy(() -> text.render(Map.of("second", "x")))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> {
                    assertThat(e.field()).isEqualTo("variables");
                    assertThat(e.getMessage()).contains("missing variables: first, third");
                });
    }

    @Test
    void variablesTheTemplateDoesNotUseAreRefused() {
        TemplateText text = new TemplateText("hello {{name}}");

        assertThatThrownBy(() -> text.render(Map.of("name", "x", "nmae", "y")))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> {
                    assertThat(e.field()).isEqualTo("variables");
                    assertThat(e.getMessage()).contains("unknown variables").contains("nmae")
                            .doesNotContain("missing");
                });
    }

    @Test
    void aBodyWithoutPlaceholdersRendersAsItIs() {
        assertThat(new TemplateText("plain text").render(Map.of())).isEqualTo("plain text");
    }
}
