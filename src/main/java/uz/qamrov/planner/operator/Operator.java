package uz.qamrov.planner.operator;

/** A network operator as the {@code operators} table lists it: code (the filter value), name, services offered. */
public record Operator(String code, String name, boolean mobile, boolean fixed) {
}
