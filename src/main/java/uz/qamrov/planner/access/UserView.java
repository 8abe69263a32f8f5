package uz.qamrov.planner.access;

import java.time.OffsetDateTime;

/** A user as listed by the API: never with its token. */
public record UserView(long id, String name, String role, String operatorCode, OffsetDateTime createdAt,
        OffsetDateTime revokedAt) {
}
