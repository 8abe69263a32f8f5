package uz.qamrov.planner.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uz.qamrov.planner.ingest.validate.ColumnMapping;
import uz.qamrov.planner.ingest.validate.MappingProfiles;

/** Mapping profiles: the built-in ones and those saved in {@code mapping_profiles}; a saved one cannot shadow a built-in. */
@Repository
class MappingProfileStore {

    private final JdbcClient jdbc;

    MappingProfileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ColumnMapping> find(String name) {
        return definition(name).map(MappingProfiles.Definition::mapping);
    }

    Optional<MappingProfiles.Definition> definition(String name) {
        Optional<MappingProfiles.Definition> builtIn = MappingProfiles.builtIn(name);
        if (builtIn.isPresent()) {
            return builtIn;
        }
        return jdbc.sql("SELECT name, description, column_map, value_map, defaults, duplicates FROM mapping_profiles WHERE name = :n")
                .param("n", name).query((rs, i) -> new MappingProfiles.Definition(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))).optional();
    }

    List<MappingProfiles.Definition> all() {
        List<MappingProfiles.Definition> out = new ArrayList<>(MappingProfiles.builtIns());
        out.addAll(jdbc.sql("SELECT name, description, column_map, value_map, defaults, duplicates FROM mapping_profiles ORDER BY name")
                .query((rs, i) -> new MappingProfiles.Definition(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6))).list());
        return out;
    }

    /** Saves (or replaces) a profile; true when it was new. */
    boolean save(MappingProfiles.Definition d, String savedBy) {
        int existed = jdbc.sql("SELECT count(*) FROM mapping_profiles WHERE name = :n").param("n", d.name()).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO mapping_profiles (name, description, column_map, value_map, defaults, duplicates, saved_by)
                VALUES (:n, :d, :m, :v, :df, :dup, :by)
                ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description, column_map = EXCLUDED.column_map,
                    value_map = EXCLUDED.value_map, defaults = EXCLUDED.defaults, duplicates = EXCLUDED.duplicates,
                    saved_by = EXCLUDED.saved_by, saved_at = now()""")
                .param("n", d.name()).param("d", d.description()).param("m", d.map()).param("v", d.values())
                .param("df", d.defaults()).param("dup", d.duplicates()).param("by", savedBy).update();
        return existed == 0;
    }
}
