package uz.qamrov.planner.coverage;

/** An import committed, but the model could not apply it incrementally; a full recompute is under way. */
public class CoverageUpdateFailedException extends RuntimeException {

    public CoverageUpdateFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
