package uz.qamrov.planner.access;

/**
 * The authenticated user of a request.
 *
 * @param operatorCode set exactly when the role is {@link Role#OPERATOR}
 */
public record Caller(long userId, String name, Role role, String operatorCode) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** May this caller write rows that belong to {@code operator}? */
    public boolean mayWriteOperator(String operator) {
        return role == Role.ADMIN || (role == Role.OPERATOR && operatorCode.equals(operator));
    }
}
