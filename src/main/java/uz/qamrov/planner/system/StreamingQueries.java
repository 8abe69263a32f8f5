package uz.qamrov.planner.system;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link JdbcClient} whose result sets are read through a server-side cursor, {@code fetchSize} rows at a time.
 * The PostgreSQL driver only does that inside a transaction (autocommit off), so run cursor reads through
 * {@link #readOnly(Runnable)}; otherwise it buffers the whole result in memory.
 */
@Component
public class StreamingQueries {

    static final int FETCH_SIZE = 1000;

    private final JdbcClient client;
    private final TransactionTemplate readOnly;

    StreamingQueries(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.client = JdbcClient.create(new NamedParameterJdbcTemplate(template));
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public JdbcClient client() {
        return client;
    }

    public void readOnly(Runnable work) {
        readOnly.executeWithoutResult(status -> work.run());
    }
}
