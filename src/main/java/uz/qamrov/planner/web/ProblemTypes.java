package uz.qamrov.planner.web;

import java.net.URI;

/** Stable {@code type} URIs of our RFC 9457 problem details; clients may switch on them. */
public final class ProblemTypes {
    private static final String BASE = "https://qamrov.uz/problems/";

    public static final URI INVALID_REQUEST = URI.create(BASE + "invalid-request");
    public static final URI INVALID_INPUT = URI.create(BASE + "invalid-input");
    public static final URI INVALID_FILE = URI.create(BASE + "invalid-file");
    public static final URI INVALID_GEOMETRY = URI.create(BASE + "invalid-geometry");
    public static final URI NOT_FOUND = URI.create(BASE + "not-found");
    public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");
    public static final URI NOT_ACCEPTABLE = URI.create(BASE + "not-acceptable");
    public static final URI CONFLICT = URI.create(BASE + "conflict");
    public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");
    public static final URI UNSUPPORTED_FORMAT = URI.create(BASE + "unsupported-format");
    public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");
    public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
    public static final URI TOO_MANY_REQUESTS = URI.create(BASE + "too-many-requests");
    public static final URI NOT_READY = URI.create(BASE + "not-ready");
    public static final URI DATABASE_UNAVAILABLE = URI.create(BASE + "database-unavailable");
    public static final URI INTERNAL = URI.create(BASE + "internal-error");

    private ProblemTypes() {
    }
}
