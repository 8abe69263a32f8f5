package uz.qamrov.bench;

import java.util.Map;

/**
 * Settings for a benchmark's application as command-line arguments: they override application.yml, which
 * {@code SpringApplication.setDefaultProperties} would not (a benchmark once ran rate-limited and without its admin
 * token for that reason).
 */
final class BenchArgs {

    private BenchArgs() {
    }

    static String[] of(Map<String, String> settings) {
        return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
