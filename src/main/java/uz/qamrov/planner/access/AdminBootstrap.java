package uz.qamrov.planner.access;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the admin user from the configured token once every bean exists (Flyway has migrated) and before the web
 * server starts: an upload that arrives as soon as the port opens is never refused for a token that is "not yet"
 * known.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    private final AccessService access;

    AdminBootstrap(AccessService access) {
        this.access = access;
    }

    @Override
    public void afterSingletonsInstantiated() {
        access.ensureAdmin();
    }
}
