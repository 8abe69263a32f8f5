package uz.qamrov.planner.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches region/district names across uz-Latn, uz-Cyrl, ru and en. A name is normalised (case, apostrophe variants
 * ʻ ʼ ' ` ‘ ’ removed, punctuation to spaces) and split into a base and a kind: a region suffix ("Region",
 * "viloyati", "oblast", "область", "province", "Respublikasi", "Republic of", "Республика") or a city marker
 * ("city", "shahri", "sh.", "г.", "город"). Exact normalised names win; then base + kind; a bare base that fits a
 * city and a region ("Tashkent") means the city, because the region's name always carries its suffix.
 */
final class BoundaryNames {

    private static final List<String> REGION_WORDS = List.of("region", "viloyati", "viloyat", "oblast", "oblasti", "область",
            "province", "respublikasi", "republic of", "republic", "республика", "республикаси", "вилояти", "district",
            "tumani", "tuman", "район", "тумани");
    private static final List<String> CITY_WORDS = List.of("city", "shahri", "shahar", "sh", "г", "город", "шаҳри", "shahr");

    record Key(String exact, String base, String kind) {
    }

    private BoundaryNames() {
    }

    static Key key(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replaceAll("[ʻʼ'`‘’ʹ]", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip().replaceAll("\\s+", " ");
        String base = " " + n + " ";
        String kind = "";
        for (String w : REGION_WORDS) {
            if (base.contains(" " + w + " ")) {
                base = base.replace(" " + w + " ", " ");
                kind = "region";
            }
        }
        for (String w : CITY_WORDS) {
            if (base.contains(" " + w + " ")) {
                base = base.replace(" " + w + " ", " ");
                kind = "city";
            }
        }
        return new Key(n, base.strip(), kind);
    }

    /** The code of the boundary a feature's names identify, or empty (none, or ambiguous). */
    static Optional<String> match(Map<String, String> featureNames, List<IngestRepository.RegionNames> candidates) {
        List<Key> keys = featureNames.values().stream().map(BoundaryNames::key).toList();
        // 1: exact normalised name
        Set<String> hits = new TreeSet<>();
        for (var c : candidates) {
            for (String cn : c.names()) {
                Key ck = key(cn);
                if (keys.stream().anyMatch(k -> k.exact().equals(ck.exact()))) {
                    hits.add(c.code());
                }
            }
        }
        if (hits.size() == 1) {
            return Optional.of(hits.iterator().next());
        }
        // 2: same base and kind (a bare feature name matches any kind)
        hits.clear();
        List<String> cityHits = new ArrayList<>();
        for (var c : candidates) {
            for (String cn : c.names()) {
                Key ck = key(cn);
                for (Key k : keys) {
                    if (!k.base().isEmpty() && k.base().equals(ck.base()) && (k.kind().isEmpty() || k.kind().equals(ck.kind()))) {
                        hits.add(c.code());
                        if ("city".equals(ck.kind())) {
                            cityHits.add(c.code());
                        }
                    }
                }
            }
        }
        if (hits.size() == 1) {
            return Optional.of(hits.iterator().next());
        }
        if (hits.size() > 1 && new TreeSet<>(cityHits).size() == 1 && keys.stream().allMatch(k -> k.kind().isEmpty())) {
            return Optional.of(cityHits.get(0));
        }
        return Optional.empty();
    }
}
