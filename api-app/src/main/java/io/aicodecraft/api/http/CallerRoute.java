package io.aicodecraft.api.http;

/**
 * The caller route a request was sent to, such as {@code /v1/generations}: found once by {@link AuthenticationFilter}
 * and kept in the request's context for the rate limit and the token charge, which count by it.
 */
record CallerRoute(String root) {
}
