package uz.qamrov.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rejected engine input. Carries a details map (for example {@code cellId}, {@code field}, {@code value}) that the
 * web layer turns into the properties of a 400 problem response, the way GraphHopper reports bad requests.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final Map<String, Object> details;

    public InvalidInputException(String message, Map<String, ?> details) {
        super(message);
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** Immutable, insertion-ordered details; never null. */
    public Map<String, Object> details() {
        return details;
    }

    /** Convenience for the common "field of feature X is bad" case. */
    public static InvalidInputException of(String message, Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        return new InvalidInputException(message, m);
    }
}
