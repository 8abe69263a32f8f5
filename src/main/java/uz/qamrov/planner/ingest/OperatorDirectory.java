package uz.qamrov.planner.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The operators table, to resolve an operator by code, name (ITU registers) or MCC-MNC (OpenCelliD). */
public record OperatorDirectory(Map<String, String> byCodeOrName, Map<String, String> byMccMnc) {

    record Operator(String code, String name, List<String> mccMnc) {
    }

    static OperatorDirectory of(List<Operator> operators) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> mnc = new HashMap<>();
        for (Operator o : operators) {
            names.put(o.code().toLowerCase(Locale.ROOT), o.code());
            names.putIfAbsent(o.name().toLowerCase(Locale.ROOT), o.code());
            o.mccMnc().forEach(m -> mnc.put(m, o.code()));
        }
        return new OperatorDirectory(names, mnc);
    }

    public Optional<String> byCodeOrName(String value) {
        return Optional.ofNullable(byCodeOrName.get(value.strip().toLowerCase(Locale.ROOT)));
    }

    public Optional<String> byMccMnc(int mcc, int mnc) {
        return Optional.ofNullable(byMccMnc.get(mcc + "-" + String.format("%02d", mnc)));
    }
}
