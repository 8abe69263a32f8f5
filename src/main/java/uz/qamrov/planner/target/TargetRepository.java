package uz.qamrov.planner.target;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of the targets feature. */
@Repository
class TargetRepository {

    private final JdbcClient jdbc;

    TargetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            SELECT id, indicator_key, scope, kind, target_value, unit, direction = 'at_least' AS at_least, deadline, title,
                   title_uz, title_ru, wording_uz, source_document, source_item, subject_lines, notes
            FROM targets""";

    List<Target> findAll() {
        return jdbc.sql(SELECT + " ORDER BY id").query((rs, i) -> new Target(rs.getLong("id"), rs.getString("indicator_key"),
                rs.getString("scope"), rs.getString("kind"), rs.getObject("target_value", Double.class), rs.getString("unit"),
                rs.getBoolean("at_least"), rs.getObject("deadline", LocalDate.class), rs.getString("title"),
                rs.getString("title_uz"), rs.getString("title_ru"), rs.getString("wording_uz"),
                rs.getString("source_document"), rs.getString("source_item"), rs.getString("subject_lines"),
                rs.getString("notes"))).list();
    }

    Optional<Target> find(long id) {
        return findAll().stream().filter(t -> t.id() == id).findFirst();
    }

    /** @return rows changed (0 when no such target) */
    int updateSubject(long id, String subjectLines) {
        return jdbc.sql("UPDATE targets SET subject_lines = :s WHERE id = :id").param("s", subjectLines).param("id", id)
                .update();
    }

    /** Every highway and railway with its geodesic length, for resolving a {@link LineSubject}. */
    List<LineSubject.Line> lines() {
        return jdbc.sql("""
                SELECT 'highway' AS kind, id, ref AS key, road_class AS line_class, name_en, name_uz_latn,
                       ST_Length(geom::geography) / 1000 AS length_km
                FROM highways
                UNION ALL
                SELECT 'railway', id, line_key, NULL, line_name, name_uz_latn, ST_Length(geom::geography) / 1000
                FROM railways
                ORDER BY kind, key""")
                .query((rs, i) -> new LineSubject.Line(rs.getString("kind"), rs.getLong("id"), rs.getString("key"),
                        rs.getString("line_class"), rs.getString("name_en"), rs.getString("name_uz_latn"),
                        rs.getDouble("length_km")))
                .list();
    }
}
