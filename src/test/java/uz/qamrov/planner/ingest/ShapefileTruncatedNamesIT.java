package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uz.qamrov.support.ApiIT;

/**
 * A shapefile as GDAL writes it: every field name longer than 10 characters cut to 10 in the .dbf, and every field
 * arriving in the database all the same.
 *
 * <p>The fixture {@code fixtures/ingest/sites-long-names-shp.zip} was made (GDAL 3.6.2) from the CSV next to it, which
 * uses Qamrov's full column names, with
 * <pre>
 * ogr2ogr -f "ESRI Shapefile" sites-long-names.shp sites-long-names.csv -oo X_POSSIBLE_NAMES=lon \
 *     -oo Y_POSSIBLE_NAMES=lat -oo KEEP_GEOM_COLUMNS=NO -oo AUTODETECT_TYPE=YES -a_srs EPSG:4326
 * zip -X sites-long-names-shp.zip sites-long-names.*
 * </pre>
 * GDAL warned "Normalized/laundered field name" for nine columns: tower_heig, commission, decommissi, first_obse,
 * last_obser, azimuth_de, beamwidth_, antenna_he, observed_r; the dates became dBASE dates (D) and eirp_dbm a real.
 */
class ShapefileTruncatedNamesIT extends ApiIT {

    @Test
    void everyFieldOfAShapefileWithCutNamesArrives() throws Exception {
        jdbc.update("DELETE FROM base_stations WHERE external_id = 'DBF-001'");
        JsonNode job = importFile("base-stations", token("admin", null), "sites-long-names.zip",
                fixture("sites-long-names-shp.zip"));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("report").path("inserted").asInt()).isEqualTo(1);

        // the values of the CSV the shapefile was made from
        assertThat(jdbc.queryForObject("""
                SELECT operator_code || ' ' || tower_height_m || ' ' || status || ' ' || commissioned_on || ' '
                       || decommissioned_on || ' ' || first_observed_on || ' ' || last_observed_on || ' ' || ST_AsText(geom)
                FROM base_stations WHERE external_id = 'DBF-001' AND valid_to = 'infinity'""", String.class))
                .isEqualTo("ucell 32 active 2021-04-01 2031-12-31 2021-05-10 2026-11-20 POINT(69.2401 41.2995)");
        assertThat(jdbc.queryForList("""
                SELECT c.external_id || ' ' || c.technology || ' ' || c.band_mhz || ' ' || c.azimuth_deg || ' ' || c.beamwidth_deg
                       || ' ' || c.tilt_deg || ' ' || c.antenna_height_m || ' ' || c.eirp_dbm || ' ' || c.range_m || ' '
                       || c.observed_range_m
                FROM cells c JOIN base_stations b ON b.id = c.base_station_id
                WHERE b.external_id = 'DBF-001' AND b.valid_to = 'infinity' ORDER BY c.external_id""", String.class))
                .containsExactly("A 4G 1800 10 65 4 29 61.5 3500 4200", "B 3G 2100 130 90 2 27 58 5200 6100");

        // each cut name is read as its field, and the report says so
        String warnings = job.path("report").path("warnings").toString();
        assertThat(warnings).contains("'antenna_he' read as antenna_height_m", "'beamwidth_' read as beamwidth_deg",
                "'tower_heig' read as tower_height_m", "'observed_r' read as observed_range_m");
    }
}
