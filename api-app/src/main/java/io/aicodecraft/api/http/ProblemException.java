package io.aicodecraft.api.http;

import java.util.List;
import java.util.Optional;

/**
 * Ends a request with an RFC 9457 problem; {@code field} names the offending input where there is one, and
 * {@code errors} lists every invalid field when there are several.
 */
public final class ProblemException extends RuntimeException {
    private final ProblemType type;
    private final Optional<String> field;
    private final List<FieldProblems.FieldProblem> errors;

    public ProblemException(ProblemType type, String detail, Optional<String> field) {
        this(type, detail, field, List.of());
    }

    ProblemException(ProblemType type, String detail, Optional<String> field, List<FieldProblems.FieldProblem> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.field = field;
        this.errors = List.copyOf(errors);
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

    List<FieldProblems.FieldProblem> errors() {
        return errors;
    }
}
