package uz.qamrov.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The coverage engine may depend only on the JDK, JTS and GeographicLib, and the JDK parts it uses must not do I/O,
 * logging or reflection-driven configuration. The application depends on the engine, never the reverse.
 */
class EngineIsPureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uz.qamrov.engine");

    @Test
    void engineImportsOnlyJdkJtsAndGeographicLib() {
        classes().that().resideInAPackage("uz.qamrov.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("uz.qamrov.engine..", "java..",
                        "org.locationtech.jts..", "net.sf.geographiclib..")
                .check(ENGINE);
    }

    @Test
    void engineDoesNoIoLoggingOrSql() {
        noClasses().that().resideInAPackage("uz.qamrov.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..",
                        "java.sql..", "java.util.logging..", "java.lang.reflect..", "org.springframework..",
                        "com.fasterxml..", "org.slf4j..")
                .check(ENGINE);
    }

    @Test
    void engineHasNoStaticMutableState() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields().that().areDeclaredInClassesThat()
                .resideInAPackage("uz.qamrov.engine..").and().areStatic()
                .should().beFinal()
                .check(ENGINE);
    }
}
