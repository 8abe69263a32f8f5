package uz.qamrov.planner.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of the audit log as admins query it. */
public record AuditEntry(long id, OffsetDateTime at, String actor, String action, String entity, UUID jobId, JsonNode details) {
}
