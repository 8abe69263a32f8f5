package uz.qamrov.engine.measure;

import java.util.List;

import uz.qamrov.engine.model.Service;

/**
 * Whether a settlement has a service on the evaluated date, and the operators that provide it on their own
 * (sorted). For a settlement judged by area the union of all operators may cover it while no single operator
 * does; then {@code covered} is true and {@code operators} may be empty.
 */
public record SettlementCoverage(long settlementId, Service service, boolean covered, List<String> operators) {
}
