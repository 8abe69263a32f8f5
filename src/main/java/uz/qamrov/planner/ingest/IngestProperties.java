package uz.qamrov.planner.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and defaults of operator uploads (documented in application.yml and docs/ingest.md).
 *
 * @param maxUploadMb larger uploads get 413
 * @param maxRows more data rows / features get 413
 * @param maxZipEntries a shapefile zip with more members is rejected
 * @param maxUnzippedMb a zip that expands beyond this is rejected as a zip bomb (413)
 * @param countryToleranceKm how far outside the union of the regions a point may lie
 * @param timeZone the zone whose calendar date is the "import date" of versioned rows
 * @param workers import jobs running at the same time
 * @param defaultAntennaHeightM antenna height for formats without one (OpenCelliD)
 * @param maxReportedErrors row errors kept inline in a job report (all of them are paged by /api/v1/jobs/{id}/errors)
 * @param maxVertices geometry vertices one upload may hold (bounds the heap a reader uses)
 * @param maxParseSeconds time one upload may take to read
 * @param parseSlots uploads read at the same time; more wait up to {@code parseWaitSeconds}, then get 503
 * @param parseWaitSeconds how long an upload waits for a parse slot
 * @param largeJobRows a job with more rows is "large": it runs in the large lane and never on the worker kept for
 *     small jobs
 * @param maxQueuedJobs jobs that may wait in one lane (a queued job holds its parsed rows in memory); more get 503
 * @param maxLineKm kilometres of lines (their main paths) a highways or railways layer may hold; an upload that holds
 *     more, or would take its layer over it, is rejected whole: the coverage model keeps every line's reach, and a Geofabrik roads
 *     file loaded whole (121,490 lines: every street) made a full recompute outgrow a 3 GB heap, and every recompute
 *     after it
 */
@Validated
@ConfigurationProperties("qamrov.ingest")
public record IngestProperties(
        @DefaultValue("50") @Min(1) int maxUploadMb,
        @DefaultValue("500000") @Min(1) int maxRows,
        @DefaultValue("20") @Min(2) int maxZipEntries,
        @DefaultValue("512") @Min(1) @Max(2000) int maxUnzippedMb,
        @DefaultValue("10") double countryToleranceKm,
        @DefaultValue("Asia/Tashkent") ZoneId timeZone,
        @DefaultValue("2") @Min(1) int workers,
        @DefaultValue("30") double defaultAntennaHeightM,
        @DefaultValue("1000") @Min(1) int maxReportedErrors,
        @DefaultValue("5000000") @Min(1) long maxVertices,
        @DefaultValue("60") @Min(1) int maxParseSeconds,
        @DefaultValue("2") @Min(1) int parseSlots,
        @DefaultValue("10") @Min(0) int parseWaitSeconds,
        @DefaultValue("20000") @Min(1) int largeJobRows,
        @DefaultValue("4") @Min(1) int maxQueuedJobs,
        @DefaultValue("50000") @Min(1) double maxLineKm) {

    @ConstructorBinding
    public IngestProperties {
    }

    /** The limits of the first nine keys, the reader and scheduling budgets at their defaults (tests, tools). */
    public IngestProperties(int maxUploadMb, int maxRows, int maxZipEntries, int maxUnzippedMb, double countryToleranceKm,
            ZoneId timeZone, int workers, double defaultAntennaHeightM, int maxReportedErrors) {
        this(maxUploadMb, maxRows, maxZipEntries, maxUnzippedMb, countryToleranceKm, timeZone, workers, defaultAntennaHeightM,
                maxReportedErrors, 5_000_000, 60, 2, 10, 20_000, 4, 50_000);
    }
}
