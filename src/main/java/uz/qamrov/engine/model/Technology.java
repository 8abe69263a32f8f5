package uz.qamrov.engine.model;

/** Radio access generation of a cell. Ordered: a later constant is "better" ({@link #atLeast}). */
public enum Technology {
    G2("2G"), G3("3G"), G4("4G"), G5("5G");

    private final String label;

    Technology(String label) {
        this.label = label;
    }

    /** "2G".."5G", the spelling used in the database and the API. */
    public String label() {
        return label;
    }

    public boolean atLeast(Technology other) {
        return compareTo(other) >= 0;
    }

    /** Parses "2G".."5G" (case-insensitive); anything else is an {@link InvalidInputException}. */
    public static Technology fromLabel(String label) {
        for (Technology t : values()) {
            if (t.label.equalsIgnoreCase(label == null ? "" : label.trim())) {
                return t;
            }
        }
        throw InvalidInputException.of("unknown technology label", "technology", label);
    }
}
