package uz.qamrov.planner.operator;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of the operator feature. */
@Repository
class OperatorRepository {

    private final JdbcClient jdbc;

    OperatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Operator> operators() {
        return jdbc.sql("SELECT code, name, mobile, fixed FROM operators ORDER BY code")
                .query((rs, i) -> new Operator(rs.getString("code"), rs.getString("name"), rs.getBoolean("mobile"),
                        rs.getBoolean("fixed"))).list();
    }

    boolean exists(String code) {
        return jdbc.sql("SELECT count(*) FROM operators WHERE code = :code").param("code", code).query(Long.class).single() > 0;
    }
}
