package uz.qamrov.planner.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import uz.qamrov.support.ApiIT;

/**
 * Uploads are limited per token, exports per IP address: over the limit the answer is a 429 problem with
 * {@code Retry-After}, and another token (or nobody else) is not affected. Small limits so the test is quick:
 * 2 uploads per minute per token means the third waits 30 s.
 */
@TestPropertySource(properties = {"qamrov.rate-limit.enabled=true", "qamrov.rate-limit.uploads-per-minute-per-token=2",
        "qamrov.rate-limit.uploads-per-minute-per-ip=100", "qamrov.rate-limit.exports-per-minute-per-token=100",
        "qamrov.rate-limit.exports-per-minute-per-ip=3"})
class RateLimitIT extends ApiIT {

    @Test
    void theThirdUploadOfATokenWithinAMinuteIs429WithRetryAfter() throws Exception {
        String first = token("operator", "ucell");
        byte[] junk = utf8("not,a,valid\nfile\n");
        assertThat(upload("base-stations", first, "a.csv", junk).getResponse().getStatus()).isNotEqualTo(429);
        assertThat(upload("base-stations", first, "b.csv", junk).getResponse().getStatus()).isNotEqualTo(429);

        MockHttpServletResponse third = upload("base-stations", first, "c.csv", junk).getResponse();
        assertThat(third.getStatus()).isEqualTo(429);
        assertThat(third.getContentType()).startsWith("application/problem+json");
        assertThat(third.getContentAsString()).contains("https://qamrov.uz/problems/too-many-requests");
        int retryAfter = Integer.parseInt(third.getHeader("Retry-After"));
        assertThat(retryAfter).as("one token comes back every 30 s").isBetween(29, 30);

        String second = token("operator", "beeline");
        assertThat(upload("base-stations", second, "d.csv", junk).getResponse().getStatus())
                .as("another token has its own budget").isNotEqualTo(429);
    }

    @Test
    void exportsArePerAddressAndOtherReadsAreNotLimited() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(mvc.perform(get("/api/v1/exports/nothing.csv")).andReturn().getResponse().getStatus()).isNotEqualTo(429);
        }
        MockHttpServletResponse fourth = mvc.perform(get("/api/v1/maps/UZ-TO.png")).andReturn().getResponse();
        assertThat(fourth.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(fourth.getHeader("Retry-After"))).isBetween(19, 20);
        MockHttpServletResponse otherAddress = mvc.perform(get("/api/v1/exports/nothing.csv")
                .with(r -> { r.setRemoteAddr("10.0.0.7"); return r; })).andReturn().getResponse();
        assertThat(otherAddress.getStatus()).isNotEqualTo(429);
        for (int i = 0; i < 5; i++) {
            assertThat(mvc.perform(get("/api/v1/regions")).andReturn().getResponse().getStatus()).isEqualTo(200);
        }
    }
}
