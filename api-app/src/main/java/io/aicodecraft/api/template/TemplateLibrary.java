package io.aicodecraft.api.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicodecraft.api.store.Database;
import io.aicodecraft.api.store.RedisCache;
import io.aicodecraft.api.store.RedisKeys;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The template library: templates and their versions, search, and usage statistics. Reads go through Redis: a
 * numbered version never changes, so it is cached for the TTL; "the latest" is cached too and deleted when a
 * version is added. A read that fetched the old latest just before a write may still put it back after the
 * delete, so the latest is cached for at most {@link #LATEST_TTL}, which bounds how long that can last. With
 * Redis away every read is answered by PostgreSQL. Searches are cached in this process under a generation every
 * write moves on ({@link SearchCache}).
 */
public final class TemplateLibrary {
    static final Duration LATEST_TTL = Duration.ofMinutes(1);

    private final TemplateStore store;
    private final TemplateSearch search;
    private final SearchCache searches;
    private final TemplateUses uses;
    private final RedisCache cache;
    private final ObjectMapper json;
    private final Duration ttl;

    public TemplateLibrary(Database database, RedisCache cache, ObjectMapper json, Duration ttl) {
        this.store = new TemplateStore(database);
        this.search = new TemplateSearch(database);
        this.searches = new SearchCache(cache);
        this.uses = new TemplateUses(database);
        this.cache = cache;
        this.json = json;
        this.ttl = ttl;
    }

    public Template create(UUID owner, TemplateDraft draft) {
        Template created = store.insert(owner, draft);
        searches.changed();
        return created;
    }

    /** Adds version n+1; 404 when there is no such template, 403 when {@code caller} does not own it. */
    public Template addVersion(UUID caller, UUID id, TemplateChange change) {
        Template added = store.addVersion(caller, id, change).orElseThrow(() -> notFound(id, Optional.empty()));
        cache.attempt(redis -> redis.del(RedisKeys.template(id, Optional.empty())));
        searches.changed();
        return added;
    }

    /** The latest version, or version {@code version}; 404 when it does not exist. */
    public Template read(UUID id, Optional<Integer> version) {
        String key = RedisKeys.template(id, version);
        Optional<Template> cached = cache.get(key).flatMap(this::decode);
        if (cached.isPresent()) {
            return cached.get();
        }
        Template template = store.read(id, version).orElseThrow(() -> notFound(id, version));
        cache.put(key, encode(template), version.isPresent() || ttl.compareTo(LATEST_TTL) < 0 ? ttl : LATEST_TTL);
        return template;
    }

    public TemplatePage search(TemplateQuery query) {
        return searches.find(query, search::find);
    }

    /** Uses, success rate and mean latency of the template's generations; 404 for an unknown template. */
    public TemplateStats stats(UUID id) {
        read(id, Optional.empty());
        return uses.stats(id);
    }

    /** Notes one generation from {@code template}: whether the model answered, and how long it all took. */
    public void recordUse(Template template, UUID user, boolean success, Duration latency) {
        uses.record(template, user, success, latency);
    }

    private static TemplateNotFoundException notFound(UUID id, Optional<Integer> version) {
        return new TemplateNotFoundException(version.map(v -> "template " + id + " has no version " + v)
                .orElse("there is no template " + id));
    }

    private String encode(Template template) {
        try {
            return json.writeValueAsString(template);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a template", e);
        }
    }

    /** An entry this build cannot read (another version of the API wrote it) is a miss. */
    private Optional<Template> decode(String cached) {
        try {
            return Optional.of(json.readValue(cached, Template.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
