package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * One word for where a stack is; the conditions say why. For one generation a stack moves forward through
 * Provisioning, Migrating and RollingOut (the migrations done, Redis and the API coming up) to Ready.
 */
public enum StackPhase {
    Pending,
    Provisioning,
    Migrating,
    RollingOut,
    Ready,
    Degraded,
    Failed,
    Paused;

    /** Null for a phase this operator does not know, written by a newer one (see {@link WireValues}). */
    @JsonCreator
    public static StackPhase fromWire(String value) {
        return WireValues.find(values(), StackPhase::name, value);
    }
}
