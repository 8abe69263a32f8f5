package uz.qamrov.planner.ingest;

import jakarta.validation.constraints.Min;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
 * @param maxReportedErrors row errors kept in a job report (the count is always complete)
 */
@Validated
@ConfigurationProperties("qamrov.ingest")
public record IngestProperties(
        @DefaultValue("50") @Min(1) int maxUploadMb,
        @DefaultValue("500000") @Min(1) int maxRows,
        @DefaultValue("20") @Min(2) int maxZipEntries,
        @DefaultValue("1024") @Min(1) int maxUnzippedMb,
        @DefaultValue("10") double countryToleranceKm,
        @DefaultValue("Asia/Tashkent") ZoneId timeZone,
        @DefaultValue("2") @Min(1) int workers,
        @DefaultValue("30") double defaultAntennaHeightM,
        @DefaultValue("1000") @Min(1) int maxReportedErrors) {
}
