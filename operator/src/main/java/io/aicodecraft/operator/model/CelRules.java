package io.aicodecraft.operator.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CRD's own CEL rules ({@code x-kubernetes-validations}), evaluated by cel-java against the defaulted object as
 * the API server evaluates them, so that {@code render} and the reconciler refuse what the API server would, even
 * where the schema is not enforced (an older CRD, a server without CEL). Each rule is compiled once.
 */
final class CelRules {
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .addVar("oldSelf", SimpleType.DYN)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();
    private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

    private CelRules() {
    }

    /**
     * Whether {@code self} satisfies {@code rule}. A transition rule (one that reads {@code oldSelf}) holds: this is
     * a creation, for which the API server skips it too.
     *
     * @throws IllegalArgumentException when the rule is not CEL this evaluator can compile or run
     */
    static boolean holds(String rule, JsonNode self) {
        if (rule.contains("oldSelf")) {
            return true;
        }
        try {
            Object result = PROGRAMS.computeIfAbsent(rule, CelRules::program).eval(Map.of("self", value(self)));
            return Boolean.TRUE.equals(result);
        } catch (CelEvaluationException e) {
            // as the API server: a rule that cannot be evaluated on this object (a missing field) does not hold
            return false;
        }
    }

    private static CelRuntime.Program program(String rule) {
        try {
            CelAbstractSyntaxTree ast = COMPILER.compile(rule).getAst();
            return RUNTIME.createProgram(ast);
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalArgumentException("the CRD's rule '" + rule + "' is not CEL that can be checked: "
                    + e.getMessage(), e);
        }
    }

    /** JSON as CEL's values: maps, lists, int (long), double, string, bool; a JSON null is no value. */
    private static Object value(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(field -> {
                if (!field.getValue().isNull()) {
                    map.put(field.getKey(), value(field.getValue()));
                }
            });
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(value(item)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.asText();
    }
}
