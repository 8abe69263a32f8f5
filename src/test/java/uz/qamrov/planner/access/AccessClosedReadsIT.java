package uz.qamrov.planner.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import uz.qamrov.support.ApiIT;

/** With {@code qamrov.access.open-reads=false} every GET of /api, /ogc and /tiles needs a token. */
@TestPropertySource(properties = "qamrov.access.open-reads=false")
class AccessClosedReadsIT extends ApiIT {

    @Test
    void readsNeedATokenWhenReadsAreClosed() throws Exception {
        String job = "/api/v1/jobs/00000000-0000-0000-0000-000000000000";
        assertThat(mvc.perform(get(job)).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get(job).header("Authorization", "Bearer " + token("planner", null))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void ogcAndTilesAreClosedToo() throws Exception {
        for (String path : new String[] {"/ogc/collections/settlements/items", "/tiles/regions/0/0/0.mvt"}) {
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).as(path).isEqualTo(401);
        }
        assertThat(mvc.perform(get("/ogc/collections").header("Authorization", "Bearer " + token("planner", null)))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }
}
