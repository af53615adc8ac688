package io.aicodecraft.api.search;

import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.SharedApi;
import io.aicodecraft.api.http.ProblemMapping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad queries of both search routes are 400 problems naming the parameter, checked before anything is searched. */
class SimilarBadInputTest {
    private static final String LONG = "a".repeat(1_001);
    private final ApiClient api = SharedApi.client();

    @ParameterizedTest(name = "{0}?{1}")
    @CsvSource(delimiter = '|', value = {
            "/v1/templates/similar   | ''                    | text",
            "/v1/templates/similar   | text=                 | text",
            "/v1/templates/similar   | text=%20%20%09        | text",
            "/v1/templates/similar   | text=a%00b            | text",
            "/v1/templates/similar   | text=sort&limit=0     | limit",
            "/v1/templates/similar   | text=sort&limit=51    | limit",
            "/v1/templates/similar   | text=sort&limit=ten   | limit",
            "/v1/generations/similar | ''                    | text",
            "/v1/generations/similar | text=a%00b            | text",
            "/v1/generations/similar | text=sort&limit=-1    | limit",
            "/v1/generations/similar | text=sort&limit=99999999999 | limit",
    })
    void isRefused(String route, String query, String field) {
        assertProblem(api.get(route + "?" + query, UUID.randomUUID()), field);
    }

    @ParameterizedTest
    @CsvSource({"/v1/templates/similar", "/v1/generations/similar"})
    void aTextLongerThan1000CharactersIsRefused(String route) {
        assertProblem(api.get(route + "?text=" + LONG, UUID.randomUUID()), "text");
    }

    @ParameterizedTest
    @CsvSource({"/v1/templates/similar", "/v1/generations/similar"})
    void aCallerIsRequired(String route) {
        assertThat(api.get(route + "?text=sort").status()).isEqualTo(401);
    }

    private static void assertProblem(Reply reply, String field) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(ProblemMapping.MEDIA_TYPE);
        assertThat(reply.body().path("field").asText()).isEqualTo(field);
    }
}
