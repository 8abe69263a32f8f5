package uz.qamrov.planner.ingest;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL that writes the admin layers with a natural key (settlements by external id, highways by ref, railways by
 * line key): one upsert statement per chunk of rows, the rows travelling as parallel arrays ({@code unnest}), where
 * they used to be one statement each (12,000 settlements: 12,000 round trips). A row whose stored values are all
 * the same is left alone, so a re-upload changes nothing. Keys are unique within a chunk: validation keeps one row
 * per key ({@code Duplicates}), and {@code ON CONFLICT DO UPDATE} could not touch a row twice. Geometries travel as
 * WKT in EPSG:4326, as in {@link IngestRepository}. Regions and districts (at most a few hundred rows, matched by
 * name) stay one statement each there.
 */
@Repository
class AdminLayerRepository {

    /** Rows per statement: the arrays of a chunk of 1,000 national settlements with boundaries stay a few MB. */
    static final int CHUNK = 1_000;

    /** Of a chunk: rows inserted and rows updated (the rest were unchanged). */
    record Counts(int inserted, int updated) {
    }

    private final JdbcClient jdbc;

    AdminLayerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Counts upsertSettlements(List<Rows.Settlement> rows, String source) {
        int n = rows.size();
        String[] ext = new String[n];
        String[] uz = new String[n];
        String[] cyrl = new String[n];
        String[] ru = new String[n];
        String[] en = new String[n];
        String[] kind = new String[n];
        int[] pop = new int[n];
        int[] hh = new int[n];
        String[] region = new String[n];
        String[] district = new String[n];
        String[] pt = new String[n];
        String[] boundary = new String[n];
        for (int i = 0; i < n; i++) {
            Rows.Settlement s = rows.get(i);
            ext[i] = s.externalId();
            uz[i] = s.nameUzLatn();
            cyrl[i] = s.nameUzCyrl();
            ru[i] = s.nameRu();
            en[i] = s.nameEn();
            kind[i] = s.kind();
            pop[i] = s.population();
            hh[i] = s.households();
            region[i] = s.regionCode();
            district[i] = s.districtCode();
            pt[i] = s.geometry().toText();
            boundary[i] = s.boundary() == null ? null : s.boundary().toText();
        }
        List<Boolean> inserted = jdbc.sql("""
                WITH u AS (SELECT * FROM unnest(CAST(:ext AS text[]), CAST(:uz AS text[]), CAST(:cyrl AS text[]),
                                                CAST(:ru AS text[]), CAST(:en AS text[]), CAST(:kind AS text[]),
                                                CAST(:pop AS int[]), CAST(:hh AS int[]), CAST(:region AS text[]),
                                                CAST(:district AS text[]), CAST(:pt AS text[]), CAST(:boundary AS text[]))
                           AS u(ext, uz, cyrl, ru, en, kind, pop, hh, region, district, pt, boundary)),
                     p AS (SELECT u.*, ST_GeomFromText(u.pt, 4326) AS g,
                                  ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_GeomFromText(u.boundary, 4326)), 3)) AS b
                           FROM u)
                INSERT INTO settlements (external_id, name_uz_latn, name_uz_cyrl, name_ru, name_en, kind, population, households,
                                         region_code, district_code, geom, boundary, source)
                SELECT p.ext, p.uz, p.cyrl, p.ru, p.en, p.kind, p.pop, p.hh,
                       coalesce(p.region, (SELECT r.code FROM regions r WHERE r.geom IS NOT NULL ORDER BY r.geom <-> p.g LIMIT 1)),
                       coalesce(p.district, (SELECT d.code FROM districts d WHERE ST_Intersects(d.geom, p.g) LIMIT 1)),
                       p.g, p.b, :source
                FROM p
                ON CONFLICT (external_id) DO UPDATE SET name_uz_latn = EXCLUDED.name_uz_latn, name_uz_cyrl = EXCLUDED.name_uz_cyrl,
                    name_ru = EXCLUDED.name_ru, name_en = EXCLUDED.name_en, kind = EXCLUDED.kind,
                    population = EXCLUDED.population, households = EXCLUDED.households, region_code = EXCLUDED.region_code,
                    district_code = EXCLUDED.district_code, geom = EXCLUDED.geom, boundary = EXCLUDED.boundary,
                    source = EXCLUDED.source
                WHERE (settlements.name_uz_latn, settlements.name_uz_cyrl, settlements.name_ru, settlements.name_en,
                       settlements.kind, settlements.population, settlements.households, settlements.region_code,
                       settlements.district_code, ST_AsBinary(settlements.geom), ST_AsBinary(settlements.boundary))
                      IS DISTINCT FROM
                      (EXCLUDED.name_uz_latn, EXCLUDED.name_uz_cyrl, EXCLUDED.name_ru, EXCLUDED.name_en, EXCLUDED.kind,
                       EXCLUDED.population, EXCLUDED.households, EXCLUDED.region_code, EXCLUDED.district_code,
                       ST_AsBinary(EXCLUDED.geom), ST_AsBinary(EXCLUDED.boundary))
                RETURNING xmax = 0""")
                .param("ext", ext).param("uz", uz).param("cyrl", cyrl).param("ru", ru).param("en", en).param("kind", kind)
                .param("pop", pop).param("hh", hh).param("region", region).param("district", district).param("pt", pt)
                .param("boundary", boundary).param("source", source)
                .query(Boolean.class).list();
        return counts(inserted);
    }

    /** Highways: key = ref, label = road class. */
    Counts upsertHighways(List<Rows.Line> rows, String source) {
        Lines l = new Lines(rows);
        return counts(jdbc.sql("""
                INSERT INTO highways (ref, road_class, name_uz_latn, name_ru, name_en, geom, parts_geom, source)
                SELECT u.k, u.label, u.uz, u.ru, u.en, ST_GeomFromText(u.wkt, 4326), ST_GeomFromText(u.parts, 4326), :source
                FROM unnest(CAST(:key AS text[]), CAST(:label AS text[]), CAST(:uz AS text[]), CAST(:ru AS text[]),
                            CAST(:en AS text[]), CAST(:wkt AS text[]), CAST(:parts AS text[]))
                     AS u(k, label, uz, ru, en, wkt, parts)
                ON CONFLICT (ref) DO UPDATE SET road_class = EXCLUDED.road_class, name_uz_latn = EXCLUDED.name_uz_latn,
                    name_ru = EXCLUDED.name_ru, name_en = EXCLUDED.name_en, geom = EXCLUDED.geom,
                    parts_geom = EXCLUDED.parts_geom, source = EXCLUDED.source
                WHERE (highways.road_class, highways.name_uz_latn, highways.name_ru, highways.name_en, ST_AsBinary(highways.geom),
                       ST_AsBinary(highways.parts_geom))
                      IS DISTINCT FROM (EXCLUDED.road_class, EXCLUDED.name_uz_latn, EXCLUDED.name_ru, EXCLUDED.name_en,
                                        ST_AsBinary(EXCLUDED.geom), ST_AsBinary(EXCLUDED.parts_geom))
                RETURNING xmax = 0""")
                .param("key", l.key).param("label", l.label).param("uz", l.uz).param("ru", l.ru).param("en", l.en)
                .param("wkt", l.wkt).param("parts", l.parts).param("source", source)
                .query(Boolean.class).list());
    }

    /** Railways: key = line key, label = line name (no English name column). */
    Counts upsertRailways(List<Rows.Line> rows, String source) {
        Lines l = new Lines(rows);
        return counts(jdbc.sql("""
                INSERT INTO railways (line_key, line_name, name_uz_latn, name_ru, geom, parts_geom, source)
                SELECT u.k, u.label, u.uz, u.ru, ST_GeomFromText(u.wkt, 4326), ST_GeomFromText(u.parts, 4326), :source
                FROM unnest(CAST(:key AS text[]), CAST(:label AS text[]), CAST(:uz AS text[]), CAST(:ru AS text[]),
                            CAST(:wkt AS text[]), CAST(:parts AS text[]))
                     AS u(k, label, uz, ru, wkt, parts)
                ON CONFLICT (line_key) DO UPDATE SET line_name = EXCLUDED.line_name, name_uz_latn = EXCLUDED.name_uz_latn,
                    name_ru = EXCLUDED.name_ru, geom = EXCLUDED.geom, parts_geom = EXCLUDED.parts_geom, source = EXCLUDED.source
                WHERE (railways.line_name, railways.name_uz_latn, railways.name_ru, ST_AsBinary(railways.geom),
                       ST_AsBinary(railways.parts_geom))
                      IS DISTINCT FROM (EXCLUDED.line_name, EXCLUDED.name_uz_latn, EXCLUDED.name_ru, ST_AsBinary(EXCLUDED.geom),
                                        ST_AsBinary(EXCLUDED.parts_geom))
                RETURNING xmax = 0""")
                .param("key", l.key).param("label", l.label).param("uz", l.uz).param("ru", l.ru)
                .param("wkt", l.wkt).param("parts", l.parts).param("source", source)
                .query(Boolean.class).list());
    }

    /** A chunk of lines as parallel arrays. */
    private static final class Lines {
        final String[] key;
        final String[] label;
        final String[] uz;
        final String[] ru;
        final String[] en;
        final String[] wkt;
        final String[] parts;

        Lines(List<Rows.Line> rows) {
            int n = rows.size();
            key = new String[n];
            label = new String[n];
            uz = new String[n];
            ru = new String[n];
            en = new String[n];
            wkt = new String[n];
            parts = new String[n];
            for (int i = 0; i < n; i++) {
                Rows.Line r = rows.get(i);
                key[i] = r.key();
                label[i] = r.label();
                uz[i] = r.nameUzLatn();
                ru[i] = r.nameRu();
                en[i] = r.nameEn();
                wkt[i] = r.geometry().toText();
                parts[i] = r.parts() == null ? null : r.parts().toText();
            }
        }
    }

    /** {@code xmax = 0} holds for a row the statement inserted, not for one it updated; unchanged rows return none. */
    private static Counts counts(List<Boolean> inserted) {
        int ins = (int) inserted.stream().filter(Boolean::booleanValue).count();
        return new Counts(ins, inserted.size() - ins);
    }
}
