/**
 * Immutable inputs of the coverage engine.
 *
 * <p>Terms: a <em>site</em> is a base station location; a <em>cell</em> is one radio sector on a site (technology,
 * band, azimuth, beamwidth, height); a <em>settlement</em> is a populated place with a point and an optional
 * boundary; a <em>transport line</em> is a highway or railway ordered from km 0; <em>fiber</em> routes and nodes and
 * operator <em>declarations</em> make fixed broadband available. Every network feature has a {@link
 * uz.qamrov.engine.model.Validity} {@code [from, to)}: it counts on date D iff {@code validity.contains(D)}.
 *
 * <p>CRS: all coordinates and geometries are WGS84 longitude/latitude in degrees (EPSG:4326), x = lon, y = lat.
 * Nothing in the engine reprojects; distances are measured ellipsoidally (see {@code uz.qamrov.engine.geodesy}).
 *
 * <p>Units are in the names: {@code bandMhz}, {@code antennaHeightM}, {@code eirpDbm}, {@code rangeM}. Invalid
 * values are rejected by the record constructors with {@link uz.qamrov.engine.model.InvalidInputException}
 * (an {@link java.lang.IllegalArgumentException} carrying a details map with the feature and id).
 */
package uz.qamrov.engine.model;
