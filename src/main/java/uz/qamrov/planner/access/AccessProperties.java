package uz.qamrov.planner.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API tokens and roles.
 *
 * @param adminToken when set (env {@code QAMROV_ADMIN_TOKEN}), an {@code admin} user with this token is created or
 *     refreshed at start
 * @param openReads GET requests under /api need no token (local demo); when false every /api GET needs one
 */
@ConfigurationProperties("qamrov.access")
public record AccessProperties(String adminToken, @DefaultValue("true") boolean openReads) {
}
