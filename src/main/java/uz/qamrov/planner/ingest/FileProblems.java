package uz.qamrov.planner.ingest;

import java.util.Map;
import org.springframework.http.HttpStatus;
import uz.qamrov.planner.web.ApiException;
import uz.qamrov.planner.web.ProblemTypes;

/** The problems a file as a whole can have (row problems go into the job report instead). */
final class FileProblems {

    private FileProblems() {
    }

    static ApiException invalid(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_FILE, message, Map.of());
    }

    static ApiException invalid(String message, Map<String, Object> details) {
        return new ApiException(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_FILE, message, details);
    }

    static ApiException tooLarge(String message, Map<String, Object> details) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, message, details);
    }

    static ApiException unsupported(String message) {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_FORMAT, message, Map.of());
    }

    static ApiException tooManyRows(int maxRows) {
        return tooLarge("the file has more than " + maxRows + " rows (qamrov.ingest.max-rows)",
                Map.of("maxRows", maxRows)).withMessage("detail.too-many-rows");
    }
}
