package io.aicodecraft.api.http;

import java.util.List;
import java.util.Optional;

/** The roots of the routes that act for a caller, such as {@code /v1/generations}: they need credentials. */
record CallerRoutes(List<String> roots) {

    CallerRoutes {
        roots = List.copyOf(roots);
    }

    /** The root {@code path} is at or under. */
    Optional<String> rootOf(String path) {
        return roots.stream().filter(root -> path.equals(root) || path.startsWith(root + "/")).findFirst();
    }
}
