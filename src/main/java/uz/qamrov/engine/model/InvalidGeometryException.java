package uz.qamrov.engine.model;

import java.util.Map;

/** A geometry that is empty, of the wrong type, invalid or outside the WGS84 lon/lat range. */
public class InvalidGeometryException extends InvalidInputException {

    public InvalidGeometryException(String message, Map<String, ?> details) {
        super(message, details);
    }
}
