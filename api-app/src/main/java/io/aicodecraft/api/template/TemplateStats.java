package io.aicodecraft.api.template;

import java.util.UUID;

/**
 * How a template has done in generations: uses, how many the model answered, the share of those, and the mean
 * time per use (cache hits included). Rate and latency are null before the first use.
 */
public record TemplateStats(UUID templateId, long uses, long successes, Double successRate, Double meanLatencyMs) {
}
