package io.aicodecraft.api.http;

import java.util.Optional;

/** Ends a request with an RFC 9457 problem; {@code field} names the offending input where there is one. */
public final class ProblemException extends RuntimeException {
    private final ProblemType type;
    private final Optional<String> field;

    public ProblemException(ProblemType type, String detail, Optional<String> field) {
        super(detail, null, false, false);
        this.type = type;
        this.field = field;
    }

    public static ProblemException invalid(String field, String detail) {
        return new ProblemException(ProblemType.INVALID_REQUEST, detail, Optional.of(field));
    }

    public ProblemType type() {
        return type;
    }

    public Optional<String> field() {
        return field;
    }
}
