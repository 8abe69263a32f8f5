package uz.qamrov.planner.web;

import java.util.function.Consumer;

/** Rows pushed one at a time from an open database cursor; nothing is collected in between. */
@FunctionalInterface
public interface RowSource {
    void forEach(Consumer<FeatureRow> sink);
}
