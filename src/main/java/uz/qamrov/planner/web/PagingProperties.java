package uz.qamrov.planner.web;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Paging of every list and feature collection ({@code limit}/{@code offset}).
 *
 * @param defaultLimit items per page when the request gives no {@code limit}
 * @param maxLimit a larger {@code limit} is clamped to this (not rejected), as OGC API – Features allows
 */
@Validated
@ConfigurationProperties("qamrov.paging")
public record PagingProperties(@DefaultValue("100") @Min(1) int defaultLimit, @DefaultValue("10000") @Min(1) int maxLimit) {

    /** The page a request asks for: limit defaulted and clamped to [1, maxLimit], offset &gt;= 0 (else 400). */
    public Page page(Integer limit, Integer offset) {
        if (limit != null && limit < 1) {
            throw ApiException.badRequest("limit must be at least 1", java.util.Map.of("parameter", "limit", "value", limit));
        }
        if (offset != null && offset < 0) {
            throw ApiException.badRequest("offset must not be negative", java.util.Map.of("parameter", "offset", "value", offset));
        }
        int l = limit == null ? defaultLimit : Math.min(limit, maxLimit);
        return new Page(Math.min(l, maxLimit), offset == null ? 0 : offset);
    }

    /** One page of a list: at most {@code limit} items after skipping {@code offset}. */
    public record Page(int limit, long offset) {
    }
}
