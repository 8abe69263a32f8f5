package uz.qamrov.planner.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uz.qamrov.planner.access.AccessService;
import uz.qamrov.planner.access.Caller;
import uz.qamrov.planner.access.Role;
import uz.qamrov.planner.ingest.validate.DuplicatePolicy;
import uz.qamrov.planner.ingest.validate.MappingProfiles;
import uz.qamrov.planner.ingest.validate.MappingSyntaxException;
import uz.qamrov.planner.web.ApiException;

/** Mapping profiles for uploads ({@code profile=}): list them, read one, save one (operators and admins). */
@RestController
class MappingProfileController {

    /** A profile as sent to {@code PUT}: the same notation as the upload's query parameters. */
    record ProfileBody(String description, String map, String values, String defaults, String duplicates) {
    }

    private final MappingProfileStore store;
    private final AccessService access;

    MappingProfileController(MappingProfileStore store, AccessService access) {
        this.store = store;
        this.access = access;
    }

    @GetMapping("/api/v1/mapping-profiles")
    List<MappingProfiles.Definition> list() {
        return store.all();
    }

    @GetMapping("/api/v1/mapping-profiles/{name}")
    MappingProfiles.Definition get(@PathVariable String name) {
        return store.definition(name).orElseThrow(() -> ApiException.notFound("no mapping profile '" + name + "'")
                .withMessage("detail.no-mapping-profile", Map.of("name", name)));
    }

    @PutMapping("/api/v1/mapping-profiles/{name}")
    ResponseEntity<MappingProfiles.Definition> put(@PathVariable String name, @RequestBody ProfileBody body,
            HttpServletRequest request) {
        Caller caller = AccessService.requireCaller(request);
        if (caller.role() != Role.OPERATOR && caller.role() != Role.ADMIN) {
            throw AccessService.forbidden("saving a mapping profile needs the operator or admin role")
                    .withMessage("detail.profile-save-forbidden");
        }
        if (!name.matches("[a-z0-9][a-z0-9_-]{0,62}")) {
            throw ApiException.badRequest("a profile name is 1-63 lower-case letters, digits, '-' or '_'",
                    Map.of("name", name)).withMessage("detail.profile-name");
        }
        if (MappingProfiles.builtIn(name).isPresent()) {
            throw ApiException.badRequest("'" + name + "' is a built-in profile; save yours under another name",
                    Map.of("name", name)).withMessage("detail.profile-built-in");
        }
        if (body.duplicates() != null && DuplicatePolicy.of(body.duplicates()).isEmpty()) {
            throw ApiException.badRequest(DuplicatePolicy.ACCEPTED, Map.of("field", "duplicates"))
                    .withMessage("detail.bad-duplicates");
        }
        MappingProfiles.Definition d = new MappingProfiles.Definition(name, body.description(), body.map(), body.values(),
                body.defaults(), body.duplicates() == null ? null : DuplicatePolicy.of(body.duplicates()).orElseThrow().key());
        try {
            d.mapping();
        } catch (IllegalArgumentException e) {
            ApiException bad = ApiException.badRequest(e.getMessage(), Map.of("name", name));
            throw e instanceof MappingSyntaxException s ? bad.withMessage(s.messageKey(), s.messageArgs()) : bad;
        }
        boolean created = store.save(d, caller.name());
        access.audit(caller.name(), "mapping-profile.save", null, null, Map.of("name", name));
        return created ? ResponseEntity.status(201).body(d) : ResponseEntity.ok(d);
    }
}
