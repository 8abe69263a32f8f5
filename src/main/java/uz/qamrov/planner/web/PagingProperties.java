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
 * @param maxDownloadLimit rows of a file download (CSV, GeoJSON) without {@code limit}, and the most it may ask
 *     for: a download streams row by row, so it holds every row a list has (a national gap list is ~12,000) rather
 *     than stop at a page; beyond it the answer says so ({@code Link: rel="next"}, {@code X-Total-Count})
 */
@Validated
@ConfigurationProperties("qamrov.paging")
public record PagingProperties(@DefaultValue("100") @Min(1) int defaultLimit, @DefaultValue("10000") @Min(1) int maxLimit,
        @DefaultValue("1000000") @Min(1) int maxDownloadLimit) {

    /** The page a request asks for: limit defaulted and clamped to [1, maxLimit], offset &gt;= 0 (else 400). */
    public Page page(Integer limit, Integer offset) {
        return page(limit, offset, defaultLimit, maxLimit);
    }

    /**
     * The rows a file download asks for: every row (up to {@link #maxDownloadLimit}) when it gives no {@code limit},
     * else its {@code limit} clamped to that; offset as {@link #page}.
     */
    public Page download(Integer limit, Integer offset) {
        return page(limit, offset, maxDownloadLimit, maxDownloadLimit);
    }

    private static Page page(Integer limit, Integer offset, int fallback, int max) {
        if (limit != null && limit < 1) {
            throw ApiException.badRequest("limit must be at least 1",
                    java.util.Map.of("parameter", "limit", "value", limit))
                    .withMessage("detail.limit-too-small");
        }
        if (offset != null && offset < 0) {
            throw ApiException.badRequest("offset must not be negative",
                    java.util.Map.of("parameter", "offset", "value", offset))
                    .withMessage("detail.offset-negative");
        }
        int l = limit == null ? fallback : limit;
        return new Page(Math.min(l, max), offset == null ? 0 : offset);
    }

    /** One page of a list: at most {@code limit} items after skipping {@code offset}. */
    public record Page(int limit, long offset) {
    }
}
