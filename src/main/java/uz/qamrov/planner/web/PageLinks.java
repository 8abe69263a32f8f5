package uz.qamrov.planner.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code self} and {@code next} links of a page, built from the current request (so every filter is kept).
 * Must be called on the request thread, before a streamed body starts.
 */
public final class PageLinks {

    private PageLinks() {
    }

    public static List<Link> of(PagingProperties.Page page, long numberMatched, String type) {
        List<Link> links = new ArrayList<>(2);
        links.add(Link.of(ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("limit", page.limit()).replaceQueryParam("offset", page.offset())
                .build().toUriString(), "self", type));
        if (page.offset() + page.limit() < numberMatched) {
            links.add(Link.of(ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("limit", page.limit()).replaceQueryParam("offset", page.offset() + page.limit())
                    .build().toUriString(), "next", type));
        }
        return links;
    }
}
