package uz.qamrov.planner.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A web link as used by OGC API – Features and our list responses ({@code self}, {@code next}, ...). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Link(String href, String rel, String type, String title) {

    public static Link of(String href, String rel, String type) {
        return new Link(href, rel, type, null);
    }
}
