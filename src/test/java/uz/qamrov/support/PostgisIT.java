package uz.qamrov.support;

import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Base for integration tests against a real PostGIS: each test class gets its own fresh database in the JVM's
 * throwaway cluster ({@link TestPostgis}), Flyway migrates it for real, and the context is closed after the class.
 */
@SpringBootTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgisIT.FreshDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class PostgisIT {

    /** Creates one database per application context, i.e. per test class. */
    public static final class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String url = TestPostgis.newDatabase("it");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testPostgis", Map.of(
                    "spring.datasource.url", url,
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", TestPostgis.cluster().password())));
        }
    }
}
