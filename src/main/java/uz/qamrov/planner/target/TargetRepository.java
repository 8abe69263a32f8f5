package uz.qamrov.planner.target;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of the targets feature. */
@Repository
class TargetRepository {

    private final JdbcClient jdbc;

    TargetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Target> findAll() {
        return jdbc.sql("""
                SELECT id, indicator_key, scope, target_value, unit, direction = 'at_least' AS at_least, deadline, title,
                       source_document, source_item, notes
                FROM targets ORDER BY id""")
                .query((rs, i) -> new Target(rs.getLong("id"), rs.getString("indicator_key"), rs.getString("scope"),
                        rs.getDouble("target_value"), rs.getString("unit"), rs.getBoolean("at_least"),
                        rs.getObject("deadline", java.time.LocalDate.class), rs.getString("title"),
                        rs.getString("source_document"), rs.getString("source_item"), rs.getString("notes")))
                .list();
    }
}
