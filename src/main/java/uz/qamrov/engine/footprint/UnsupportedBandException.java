package uz.qamrov.engine.footprint;

import java.util.Map;

import uz.qamrov.engine.model.InvalidInputException;

/** A band outside 150–6000 MHz, for which no path-loss model is configured. */
public class UnsupportedBandException extends InvalidInputException {

    public UnsupportedBandException(int bandMhz) {
        super("no path-loss model for band " + bandMhz + " MHz (supported 150–6000)", Map.of("bandMhz", bandMhz));
    }
}
