package uz.qamrov.planner.access;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Users and their API tokens (admin only). */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final AccessService access;

    UserController(AccessService access) {
        this.access = access;
    }

    record NewUser(String name, String role, String operatorCode) {
    }

    @PostMapping
    ResponseEntity<AccessService.CreatedUser> create(@RequestBody NewUser body, HttpServletRequest request) {
        Caller caller = AccessService.requireCaller(request);
        AccessService.requireAdmin(caller);
        var created = access.createUser(caller, body.name(), body.role(), body.operatorCode());
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
    }

    @GetMapping
    List<UserView> list(HttpServletRequest request) {
        // listing users is admin-only even when reads are open
        Caller caller = AccessService.requireCaller(request);
        return access.listUsers(caller);
    }
}
