package uz.qamrov.engine.model;

/** Kind of a transport line; {@link #key()} is the {@code line_stretches.line_kind} spelling. */
public enum LineKind {
    HIGHWAY, RAILWAY;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
