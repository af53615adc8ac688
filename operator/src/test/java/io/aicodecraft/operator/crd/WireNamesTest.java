package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The names written to Redis, pgJDBC and the API are the names the resource accepts. */
class WireNamesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {ModelProvider.class, RedisEvictionPolicy.class, PostgresSslMode.class})
    void everyConstantsWireNameIsItsJsonName(Class<? extends Enum<?>> type) throws NoSuchFieldException {
        Function<Enum<?>, String> wireName = constant -> switch (constant) {
            case ModelProvider provider -> provider.wireName();
            case RedisEvictionPolicy policy -> policy.wireName();
            case PostgresSslMode mode -> mode.wireName();
            default -> throw new IllegalArgumentException(constant.toString());
        };
        for (Enum<?> constant : type.getEnumConstants()) {
            String jsonName = type.getField(constant.name()).getAnnotation(JsonProperty.class).value();

            assertThat(wireName.apply(constant)).as(constant.name()).isEqualTo(jsonName);
        }
    }
}
