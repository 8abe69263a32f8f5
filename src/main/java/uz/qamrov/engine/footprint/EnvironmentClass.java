package uz.qamrov.engine.footprint;

/** Clutter class of a cell's location; selects the propagation-model correction (urban, suburban, open/rural). */
public enum EnvironmentClass {
    URBAN, SUBURBAN, RURAL
}
