package uz.qamrov.planner.revalidation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A read as a revalidating client makes it, and the settlement names of a GeoJSON answer. */
final class Reads {

    private Reads() {
    }

    static MockHttpServletResponse read(MockMvc mvc, String path, String ifNoneMatch) throws Exception {
        MockHttpServletRequestBuilder req = get(path);
        if (ifNoneMatch != null) {
            req.header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
        }
        MvcResult started = mvc.perform(req).andReturn();
        return (started.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(started)).andReturn() : started).getResponse();
    }

    static List<String> names(ObjectMapper json, MockHttpServletResponse r, boolean coveredOnly) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode f : json.readTree(r.getContentAsByteArray()).get("features")) {
            if (!coveredOnly || f.at("/properties/covered").asBoolean()) {
                out.add(f.at("/properties/name_uz_latn").asText());
            }
        }
        return out.stream().sorted().toList();
    }
}
