package io.aicodecraft.operator.install;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** What an RBAC rule names: an API group ("" for the core group) and a resource, maybe with a subresource. */
record GroupResource(String group, String resource) implements Comparable<GroupResource> {

    static GroupResource of(Class<? extends HasMetadata> type) {
        String group = HasMetadata.getGroup(type);
        return new GroupResource(group == null ? "" : group, HasMetadata.getPlural(type));
    }

    GroupResource subresource(String name) {
        return new GroupResource(group, resource + "/" + name);
    }

    @Override
    public int compareTo(GroupResource other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return (group.isEmpty() ? "core" : group) + " " + resource;
    }
}
