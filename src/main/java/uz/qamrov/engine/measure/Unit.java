package uz.qamrov.engine.measure;

/** Unit of an indicator value: RATIO in 0..1 (percent only at the API), COUNT, or geodesic KM. */
public enum Unit {
    RATIO, COUNT, KM
}
