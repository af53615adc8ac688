package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What happens to the PostgreSQL volume when its stack is deleted. */
public enum DeletionPolicy {
    /** The PVC outlives the stack, so its data can be recovered or re-attached. */
    Retain,
    /** The PVC goes with the StatefulSet. */
    Delete;

    /** Null for a value this operator does not know (see {@link WireValues}). */
    @JsonCreator
    public static DeletionPolicy fromWire(String value) {
        return WireValues.find(values(), DeletionPolicy::name, value);
    }
}
