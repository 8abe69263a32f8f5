package uz.qamrov.planner.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Whether a failure means "the database is not reachable (or too slow) right now" rather than a bug: the pool gave
 * no connection within its timeout, the connection broke, the server is shutting down or starting, or a statement
 * hit {@code statement_timeout}. Such a request is answered 503 with {@code Retry-After}, not 500.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof QueryTimeoutException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isOutageState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01..57P03 (admin shutdown, crash shutdown, cannot connect now)
     * and 57014 (query canceled, which is how statement_timeout ends a statement).
     */
    static boolean isOutageState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("57014"));
    }
}
