package uz.qamrov.planner.gap;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import uz.qamrov.planner.web.ApiException;

/** The services a gap is measured for; the value is the {@code settlement_coverage.service} / {@code line_stretches.service} key. */
public enum Service {
    MOBILE_ANY, MOBILE_INTERNET, HIGH_SPEED_MOBILE, FIXED_BROADBAND;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code mobile_internet} when absent; a 400 problem for an unknown key. */
    public static Service parse(String value) {
        if (value == null || value.isBlank()) {
            return MOBILE_INTERNET;
        }
        return Arrays.stream(values()).filter(s -> s.key().equals(value)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("unknown service: " + value
                        + " (mobile_any, mobile_internet, high_speed_mobile, fixed_broadband)",
                        Map.of("parameter", "service", "value", value)).withMessage("detail.unknown-service"));
    }
}
