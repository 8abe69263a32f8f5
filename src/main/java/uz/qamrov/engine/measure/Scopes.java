package uz.qamrov.engine.measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import uz.qamrov.engine.index.AreaIndex;
import uz.qamrov.engine.model.AdminArea;
import uz.qamrov.engine.model.Settlement;

/**
 * Scope table: index 0 is national, then regions by code, then districts by code; and the lookup of the
 * region/district scopes of a point. Immutable after build.
 */
final class Scopes {

    final List<ScopeType> types = new ArrayList<>();
    final List<String> codes = new ArrayList<>();
    final Map<String, Integer> regionIdx = new HashMap<>();
    final Map<String, Integer> districtIdx = new HashMap<>();
    private final Map<Integer, Integer> regionOfDistrict = new HashMap<>();
    private final AreaIndex areaIndex;

    Scopes(TreeMap<String, String> regions, TreeMap<String, String> districtToRegion, AreaIndex areaIndex) {
        this.areaIndex = areaIndex;
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

    /** Scopes of the admin areas plus any region/district code a settlement names that has no area. */
    static Scopes of(List<AdminArea> adminAreas, List<Settlement> settlements) {
        TreeMap<String, String> regions = new TreeMap<>();
        TreeMap<String, String> districts = new TreeMap<>();
        for (AdminArea a : adminAreas) {
            if (a.isRegion()) {
                regions.put(a.code(), a.code());
            } else {
                regions.putIfAbsent(a.regionCode(), a.regionCode());
                districts.put(a.code(), a.regionCode());
            }
        }
        for (Settlement s : settlements) {
            if (s.regionCode() != null) {
                regions.putIfAbsent(s.regionCode(), s.regionCode());
            }
            if (s.districtCode() != null) {
                districts.putIfAbsent(s.districtCode(), s.regionCode());
            }
        }
        return new Scopes(regions, districts, new AreaIndex(adminAreas));
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

    /** {region scope, district scope} of the admin areas containing the point; -1 where none does. */
    int[] at(double lon, double lat) {
        AreaIndex.AreaCodes c = areaIndex.lookup(lon, lat);
        return new int[] {region(c.regionCode()), district(c.districtCode())};
    }

    AreaIndex areaIndex() {
        return areaIndex;
    }
}
