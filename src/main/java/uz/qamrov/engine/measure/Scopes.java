package uz.qamrov.engine.measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Scope table: index 0 is national, then regions by code, then districts by code. Immutable after build. */
final class Scopes {

    final List<ScopeType> types = new ArrayList<>();
    final List<String> codes = new ArrayList<>();
    final Map<String, Integer> regionIdx = new HashMap<>();
    final Map<String, Integer> districtIdx = new HashMap<>();
    private final Map<Integer, Integer> regionOfDistrict = new HashMap<>();

    Scopes(TreeMap<String, String> regions, TreeMap<String, String> districtToRegion) {
        types.add(ScopeType.NATIONAL);
        codes.add(CoverageModel.NATIONAL_CODE);
        for (String r : regions.keySet()) {
            regionIdx.put(r, types.size());
            types.add(ScopeType.REGION);
            codes.add(r);
        }
        for (var e : districtToRegion.entrySet()) {
            int idx = types.size();
            districtIdx.put(e.getKey(), idx);
            types.add(ScopeType.DISTRICT);
            codes.add(e.getKey());
            if (e.getValue() != null) {
                regionOfDistrict.put(idx, regionIdx.getOrDefault(e.getValue(), -1));
            }
        }
    }

    int size() {
        return types.size();
    }

    int region(String code) {
        return code == null ? -1 : regionIdx.getOrDefault(code, -1);
    }

    int district(String code) {
        return code == null ? -1 : districtIdx.getOrDefault(code, -1);
    }

    int regionOfDistrict(int districtScope) {
        return districtScope < 0 ? -1 : regionOfDistrict.getOrDefault(districtScope, -1);
    }
}
