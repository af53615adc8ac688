package io.aicodecraft.operator.crd;

/** What happens to the PostgreSQL volume when its stack is deleted. */
public enum DeletionPolicy {
    /** The PVC outlives the stack, so its data can be recovered or re-attached. */
    Retain,
    /** The PVC goes with the StatefulSet. */
    Delete
}
