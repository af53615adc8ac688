package io.aicodecraft.api.template;

import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.SharedApi;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.aicodecraft.api.template.TemplateRequests.create;
import static io.aicodecraft.api.template.TemplateRequests.template;
import static org.assertj.core.api.Assertions.assertThat;

/** Every template endpoint answers bad input with a 4xx problem+json naming what to fix, never a 500. */
class TemplateBadInputTest {
    private final ApiClient api = SharedApi.client();
    private final UUID owner = UUID.randomUUID();

    private static void assertProblem(Reply reply, int status, String field) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.body().path("status").asInt()).isEqualTo(status);
        assertThat(reply.body().path("type").asText()).startsWith("https://aicodecraft.io/problems/");
        assertThat(reply.body().path("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(reply.body().path("field").asText()).isEqualTo(field);
        }
    }

    private Reply createRaw(String body) {
        return api.post("/v1/templates", owner, body);
    }

    private String existing() {
        return create(api, owner, template("bad input", "testing", "hello {{name}}")).path("id").asText();
    }

    // POST /v1/templates

    @Test
    void createWithMalformedJsonIs400() {
        assertProblem(createRaw("{\"name\":"), 400, "body");
    }

    @Test
    void createWithoutNameIs400NamingIt() {
        assertProblem(createRaw("{\"category\":\"c\",\"language\":\"java\",\"body\":\"b\"}"), 400, "name");
    }

    @Test
    void createWithoutBodyIs400NamingIt() {
        assertProblem(createRaw("{\"name\":\"n\",\"category\":\"c\",\"language\":\"java\"}"), 400, "body");
    }

    @Test
    void createWithoutCategoryIs400NamingIt() {
        assertProblem(createRaw("{\"name\":\"n\",\"language\":\"java\",\"body\":\"b\"}"), 400, "category");
    }

    @Test
    void createWithUnknownLanguageIs400NamingIt() {
        assertProblem(createRaw("{\"name\":\"n\",\"category\":\"c\",\"language\":\"cobol\",\"body\":\"b\"}"), 400,
                "language");
    }

    @Test
    void createWithBlankNameIs400NamingIt() {
        assertProblem(api.post("/v1/templates", owner, template("  ", "c", "b")), 400, "name");
    }

    @Test
    void createWithOverlongNameIs400NamingIt() {
        assertProblem(api.post("/v1/templates", owner, template("n".repeat(201), "c", "b")), 400, "name");
    }

    @Test
    void createWithBodyOver32KiBIs400NamingIt() {
        assertProblem(api.post("/v1/templates", owner, template("n", "c", "b".repeat(32 * 1024 + 1))), 400, "body");
    }

    @Test
    void createWithVariablesThatAreNotAnArrayOfStringsIs400NamingThem() {
        assertProblem(api.post("/v1/templates", owner, template("n", "c", "{{a}}").put("variables", "a")), 400,
                "variables");
        assertProblem(createRaw("{\"name\":\"n\",\"category\":\"c\",\"language\":\"java\",\"body\":\"{{a}}\","
                + "\"variables\":[1]}"), 400, "variables");
    }

    @Test
    void createWithVariablesOtherThanThePlaceholdersIs400NamingThem() {
        Reply reply = createRaw("{\"name\":\"n\",\"category\":\"c\",\"language\":\"java\",\"body\":\"{{a}} {{b}}\","
                + "\"variables\":[\"a\",\"c\"]}");

        assertProblem(reply, 400, "variables");
        assertThat(reply.body().path("detail").asText()).contains("undeclared: [b]").contains("not in the body: [c]");
    }

    @Test
    void createWithANulCharacterIs400NamingTheField() {
        assertProblem(createRaw("{\"name\":\"a\\u0000b\",\"category\":\"c\",\"language\":\"java\",\"body\":\"b\"}"),
                400, "name");
    }

    @Test
    void createWithAnUnknownFieldIs400NamingIt() {
        assertProblem(api.post("/v1/templates", owner, template("n", "c", "b").put("tags", "x")), 400, "tags");
    }

    @Test
    void createWithoutCallerIs400NamingTheHeader() {
        Reply reply = api.post("/v1/templates", null, template("n", "c", "b"));

        assertThat(reply.status()).isBetween(400, 401);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
    }

    // GET /v1/templates/{id}

    @Test
    void readWithAnIdThatIsNotAUuidIs400NamingIt() {
        assertProblem(api.get("/v1/templates/not-a-uuid", owner), 400, "id");
    }

    @Test
    void readOfAnUnknownTemplateIs404() {
        assertProblem(api.get("/v1/templates/" + UUID.randomUUID(), owner), 404, null);
    }

    @Test
    void readOfAVersionThatDoesNotExistIs404() {
        Reply reply = api.get("/v1/templates/" + existing() + "?version=2", owner);

        assertProblem(reply, 404, null);
        assertThat(reply.body().path("detail").asText()).contains("no version 2");
    }

    @Test
    void readWithAVersionThatIsNotAPositiveIntegerIs400NamingIt() {
        String id = existing();

        assertProblem(api.get("/v1/templates/" + id + "?version=0", owner), 400, "version");
        assertProblem(api.get("/v1/templates/" + id + "?version=two", owner), 400, "version");
    }

    // POST /v1/templates/{id}/versions

    @Test
    void newVersionWithoutBodyIs400NamingIt() {
        assertProblem(api.post("/v1/templates/" + existing() + "/versions", owner, "{\"name\":\"x\"}"), 400, "body");
    }

    @Test
    void newVersionWithBadVariablesIs400NamingThem() {
        assertProblem(api.post("/v1/templates/" + existing() + "/versions", owner,
                "{\"body\":\"{{a}}\",\"variables\":[\"b\"]}"), 400, "variables");
    }

    @Test
    void newVersionOfAnUnknownTemplateIs404() {
        assertProblem(api.post("/v1/templates/" + UUID.randomUUID() + "/versions", owner, "{\"body\":\"b\"}"), 404, null);
    }

    @Test
    void newVersionWithAnIdThatIsNotAUuidIs400NamingIt() {
        assertProblem(api.post("/v1/templates/42/versions", owner, "{\"body\":\"b\"}"), 400, "id");
    }

    // POST /v1/templates/{id}/render

    @Test
    void renderWithVariablesThatAreNotAnObjectIs400NamingThem() {
        assertProblem(api.post("/v1/templates/" + existing() + "/render", owner, "{\"variables\":[\"x\"]}"), 400,
                "variables");
    }

    @Test
    void renderWithAValueThatIsNotAStringIs400NamingTheVariable() {
        assertProblem(api.post("/v1/templates/" + existing() + "/render", owner, "{\"variables\":{\"name\":7}}"), 400,
                "variables.name");
    }

    @Test
    void renderWithAVariableTheTemplateDoesNotHaveIs400NamingIt() {
        Reply reply = api.post("/v1/templates/" + existing() + "/render", owner,
                "{\"variables\":{\"name\":\"x\",\"nmae\":\"y\"}}");

        assertProblem(reply, 400, "variables");
        assertThat(reply.body().path("detail").asText()).contains("unknown variables").contains("nmae");
    }

    @Test
    void renderOfAnUnknownTemplateIs404() {
        assertProblem(api.post("/v1/templates/" + UUID.randomUUID() + "/render", owner, "{\"variables\":{}}"), 404, null);
    }

    @Test
    void renderWithEmptyBodyIs400() {
        assertProblem(api.post("/v1/templates/" + existing() + "/render", owner, ""), 400, "body");
    }

    // GET /v1/templates/{id}/stats

    @Test
    void statsOfAnUnknownTemplateIs404() {
        assertProblem(api.get("/v1/templates/" + UUID.randomUUID() + "/stats", owner), 404, null);
    }

    @Test
    void statsWithAnIdThatIsNotAUuidIs400NamingIt() {
        assertProblem(api.get("/v1/templates/x/stats", owner), 400, "id");
    }

    // GET /v1/templates

    @Test
    void searchWithALimitOutOfRangeIs400NamingIt() {
        assertProblem(api.get("/v1/templates?limit=0", owner), 400, "limit");
        assertProblem(api.get("/v1/templates?limit=101", owner), 400, "limit");
        assertProblem(api.get("/v1/templates?limit=ten", owner), 400, "limit");
    }

    @Test
    void searchByOffsetIs400PointingToTheCursor() {
        assertProblem(api.get("/v1/templates?offset=20", owner), 400, "offset");
    }

    @Test
    void searchWithACursorThisApiDidNotIssueIs400NamingIt() {
        assertProblem(api.get("/v1/templates?cursor=not-a-cursor", owner), 400, "cursor");
        assertProblem(api.get("/v1/templates?q=x&cursor=abc~def", owner), 400, "cursor");
    }

    @Test
    void searchWithAnOverlongQueryIs400NamingIt() {
        assertProblem(api.get("/v1/templates?q=" + "x".repeat(257), owner), 400, "q");
    }

    @Test
    void searchWithANulCharacterIs400NamingTheParameter() {
        assertProblem(api.get("/v1/templates?q=a%00b", owner), 400, "q");
    }

    @Test
    void searchWithAnEmptyCategoryIs400NamingIt() {
        assertProblem(api.get("/v1/templates?category=", owner), 400, "category");
    }

    // POST /v1/generations with a template

    @Test
    void generationWithBothPromptAndTemplateIs400NamingTemplateId() {
        assertProblem(api.post("/v1/generations", owner, "{\"prompt\":\"p\",\"templateId\":\"" + existing()
                + "\",\"language\":\"java\"}"), 400, "templateId");
    }

    @Test
    void generationWithATemplateIdThatIsNotAUuidIs400NamingIt() {
        assertProblem(api.post("/v1/generations", owner, "{\"templateId\":\"nope\"}"), 400, "templateId");
    }

    @Test
    void generationWithVariablesButNoTemplateIs400NamingThem() {
        assertProblem(api.post("/v1/generations", owner,
                "{\"prompt\":\"p\",\"language\":\"java\",\"variables\":{\"a\":\"b\"}}"), 400, "variables");
    }

    @Test
    void generationFromAnUnknownTemplateIs404() {
        assertProblem(api.post("/v1/generations", owner, "{\"templateId\":\"" + UUID.randomUUID() + "\"}"), 404, null);
    }

    @Test
    void generationWithMissingTemplateVariablesIs400ListingThem() {
        Reply reply = api.post("/v1/generations", owner, "{\"templateId\":\"" + existing() + "\"}");

        assertProblem(reply, 400, "variables");
        assertThat(reply.body().path("detail").asText()).contains("missing variables: name");
    }

    @Test
    void generationFromATemplateWithANulCharacterInAValueIs400NamingTheVariables() {
        assertProblem(api.post("/v1/generations", owner, "{\"templateId\":\"" + existing()
                + "\",\"variables\":{\"name\":\"x\\u0000\"}}"), 400, "variables");
    }

    @Test
    void generationFromATemplateWithAnUnknownLanguageIs400NamingIt() {
        assertProblem(api.post("/v1/generations", owner, "{\"templateId\":\"" + existing()
                + "\",\"variables\":{\"name\":\"x\"},\"language\":\"cobol\"}"), 400, "language");
    }
}
