package io.aicodecraft.operator.crd;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Reads a spec's enum values leniently: a value this operator does not know (a CRD older or newer than the
 * operator, or edited by hand, let it through) becomes null instead of failing the informer that reads every
 * stack, which would stop the operator for all tenants. The reconciler refuses such a stack alone, saying
 * which field ({@code SpecProblems}). For the same reason every spec and status class ignores a field it does
 * not know (a newer CRD's), as Kubernetes clients do.
 */
final class WireValues {

    private WireValues() {
    }

    static <E extends Enum<E>> E find(E[] values, Function<E, String> wireName, String value) {
        return Arrays.stream(values).filter(candidate -> wireName.apply(candidate).equals(value)).findFirst().orElse(null);
    }
}
