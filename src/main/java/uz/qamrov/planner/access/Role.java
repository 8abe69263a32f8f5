package uz.qamrov.planner.access;

/**
 * What a token may do. {@code planner} reads everything and saves planning work (plans, scenarios); {@code operator}
 * reads everything, writes only its own operator's sites and fiber, and plans for its own operator only;
 * {@code admin} does everything, including users, targets, costs and admin layers.
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
