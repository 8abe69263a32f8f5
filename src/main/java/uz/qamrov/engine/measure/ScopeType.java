package uz.qamrov.engine.measure;

/** Aggregation scope of an indicator; {@link #key()} is the {@code indicator_values.scope_type} spelling. */
public enum ScopeType {
    NATIONAL, REGION, DISTRICT;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
