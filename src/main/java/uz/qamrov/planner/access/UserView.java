package uz.qamrov.planner.access;

import java.time.OffsetDateTime;

/**
 * A user as listed by the API: never with its token.
 *
 * @param expiresAt when the token stops working (null: never)
 * @param state active, revoked or expired
 */
public record UserView(long id, String name, String role, String operatorCode, OffsetDateTime createdAt,
        OffsetDateTime revokedAt, OffsetDateTime expiresAt, String state) {
}
