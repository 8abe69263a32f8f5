package uz.qamrov.planner.access;

/**
 * What a token may do. {@code planner} reads everything; {@code operator} reads everything and writes only its
 * own operator's sites and fiber; {@code admin} does everything, including users, targets and admin layers.
 */
public enum Role {
    PLANNER, OPERATOR, ADMIN;

    public String key() {
        return name().toLowerCase();
    }

    public static Role of(String key) {
        return valueOf(key.toUpperCase());
    }
}
