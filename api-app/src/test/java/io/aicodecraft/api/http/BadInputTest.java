package io.aicodecraft.api.http;

import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.SharedApi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input is a 4xx problem+json that names what to fix, never a 500. */
class BadInputTest {
    private final ApiClient api = SharedApi.client();
    private final UUID user = UUID.randomUUID();

    private static void assertProblem(Reply reply, int status, String field) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.body().path("status").asInt()).isEqualTo(status);
        assertThat(reply.body().path("type").asText()).startsWith("https://aicodecraft.io/problems/");
        assertThat(reply.body().path("field").asText()).isEqualTo(field);
        assertThat(reply.body().path("detail").asText()).isNotBlank();
    }

    private static List<String> errorFields(Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.body().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    @Test
    void everyInvalidFieldOfAGenerationIsReportedAtOnce() {
        Reply reply = api.post("/v1/generations", user, "{\"prompt\":\"  \",\"language\":\"cobol\",\"model\":7}");

        assertProblem(reply, 400, "prompt");
        assertThat(errorFields(reply)).containsExactly("prompt", "language", "model");
        assertThat(reply.body().path("detail").asText()).startsWith("3 fields are invalid").contains("cobol");
    }

    @Test
    void everyInvalidFieldOfAConversionIsReportedAtOnce() {
        Reply reply = api.post("/v1/conversions", user, "{\"fromLanguage\":\"cobol\",\"toLanguage\":1}");

        assertProblem(reply, 400, "sourceCode");
        assertThat(errorFields(reply)).containsExactly("sourceCode", "fromLanguage", "toLanguage");
    }

    @Test
    void everyInvalidFieldOfATemplateIsReportedAtOnce() {
        Reply reply = api.post("/v1/templates", user, "{\"description\":\"d\",\"language\":\"cobol\",\"body\":\"x\"}");

        assertProblem(reply, 400, "name");
        assertThat(errorFields(reply)).containsExactly("name", "category", "language");
    }

    @Test
    void aSingleInvalidFieldHasNoErrorsList() {
        Reply reply = api.post("/v1/generations", user, "{\"prompt\":\"x\",\"language\":\"cobol\"}");

        assertProblem(reply, 400, "language");
        assertThat(reply.body().has("errors")).isFalse();
    }

    @Test
    void everyUnknownFieldIsNamed() {
        Reply reply = api.post("/v1/generations", user, "{\"prompt\":\"x\",\"promt\":\"y\",\"lang\":\"go\"}");

        assertProblem(reply, 400, "promt");
        assertThat(reply.body().path("detail").asText()).contains("unknown fields 'promt', 'lang'");
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(api.post("/v1/generations", user, "{\"prompt\": \"x\", "), 400, "body");
    }

    @Test
    void emptyBodyIs400() {
        assertProblem(api.post("/v1/generations", user, ""), 400, "body");
    }

    @Test
    void bodyThatIsNotAnObjectIs400() {
        assertProblem(api.post("/v1/generations", user, "[1,2]"), 400, "body");
    }

    @Test
    void missingPromptIs400NamingIt() {
        assertProblem(api.post("/v1/generations", user, "{\"language\":\"java\"}"), 400, "prompt");
    }

    @Test
    void missingLanguageIs400NamingIt() {
        assertProblem(api.post("/v1/generations", user, "{\"prompt\":\"hello\"}"), 400, "language");
    }

    @Test
    void promptOfWrongTypeIs400NamingIt() {
        assertProblem(api.post("/v1/generations", user, "{\"prompt\":42,\"language\":\"java\"}"), 400, "prompt");
    }

    @Test
    void unknownLanguageIs400NamingIt() {
        Reply reply = api.post("/v1/generations", user, "{\"prompt\":\"hello\",\"language\":\"cobol\"}");

        assertProblem(reply, 400, "language");
        assertThat(reply.body().path("detail").asText()).contains("cobol").contains("java, python");
    }

    @Test
    void unknownFieldIs400NamingIt() {
        assertProblem(api.post("/v1/generations", user, "{\"prompt\":\"hi\",\"language\":\"go\",\"lang\":\"go\"}"),
                400, "lang");
    }

    @Test
    void modelTheProviderDoesNotOfferIs400NamingIt() {
        assertProblem(api.post("/v1/generations", user, "{\"prompt\":\"hi\",\"language\":\"go\",\"model\":\"gpt-x\"}"),
                400, "model");
    }

    @Test
    void promptOver32KiBIs400() {
        String prompt = "a".repeat(32 * 1024 + 1);

        assertProblem(api.post("/v1/generations", user, "{\"prompt\":\"" + prompt + "\",\"language\":\"java\"}"),
                400, "prompt");
    }

    @Test
    void promptOfExactly32KiBIsAccepted() {
        String prompt = "b".repeat(32 * 1024 - 36) + UUID.randomUUID();

        assertThat(api.post("/v1/generations", user, "{\"prompt\":\"" + prompt + "\",\"language\":\"java\"}").status())
                .isEqualTo(200);
    }

    @Test
    void bodyOver256KiBIs413() {
        String source = "x".repeat(256 * 1024);

        assertProblem(api.post("/v1/conversions", user,
                "{\"sourceCode\":\"" + source + "\",\"fromLanguage\":\"java\",\"toLanguage\":\"go\"}"), 413, "body");
    }

    @Test
    void chunkedBodyOver256KiBIs413() {
        String source = "y".repeat(256 * 1024);

        assertProblem(api.postChunked("/v1/conversions", user,
                "{\"sourceCode\":\"" + source + "\",\"fromLanguage\":\"java\",\"toLanguage\":\"go\"}"), 413, "body");
    }

    @Test
    void chunkedBodyWithinTheLimitIsAccepted() {
        assertThat(api.postChunked("/v1/generations", user,
                "{\"prompt\":\"chunked " + UUID.randomUUID() + "\",\"language\":\"go\"}").status()).isEqualTo(200);
    }

    @Test
    void missingCredentialsAre401InDevModeToo() {
        var reply = api.post("/v1/generations", null, "{\"prompt\":\"hi\",\"language\":\"go\"}");

        assertProblem(reply, 401, "Authorization");
        assertThat(reply.body().path("detail").asText()).contains("X-User-Id");
        assertThat(reply.header("WWW-Authenticate")).hasValue("Bearer realm=\"aicodecraft\"");
    }

    @Test
    void userIdThatIsNotAUuidIs400() {
        assertProblem(api.getAs("/v1/generations", "user-42"), 400, "X-User-Id");
    }

    @Test
    void limitAbove100Is400() {
        assertProblem(api.get("/v1/generations?limit=101", user), 400, "limit");
    }

    @Test
    void limitThatIsNotANumberIs400() {
        assertProblem(api.get("/v1/conversions?limit=ten", user), 400, "limit");
    }

    @Test
    void cursorThisApiDidNotIssueIs400() {
        assertProblem(api.get("/v1/generations?cursor=not-a-cursor", user), 400, "cursor");
    }

    @Test
    void conversionWithoutTargetLanguageIs400NamingIt() {
        assertProblem(api.post("/v1/conversions", user, "{\"sourceCode\":\"x = 1\",\"fromLanguage\":\"python\"}"),
                400, "toLanguage");
    }

    @Test
    void nulInPromptIs400NamingIt() {
        assertProblem(api.post("/v1/generations", user, "{\"prompt\":\"a\\u0000b\",\"language\":\"java\"}"),
                400, "prompt");
    }

    @Test
    void nulInSourceCodeIs400NamingIt() {
        assertProblem(api.post("/v1/conversions", user,
                "{\"sourceCode\":\"x\\u0000\",\"fromLanguage\":\"python\",\"toLanguage\":\"go\"}"), 400, "sourceCode");
    }
}
