package uz.qamrov.planner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uz.qamrov.support.LocalisedDetails;

class PagingPropertiesTest {

    final PagingProperties paging = new PagingProperties(100, 10000, 10000);

    @Test
    void defaultsAndClamps() {
        assertThat(paging.page(null, null)).isEqualTo(new PagingProperties.Page(100, 0));
        assertThat(paging.page(50, 20)).isEqualTo(new PagingProperties.Page(50, 20));
        assertThat(paging.page(1_000_000, 0).limit()).isEqualTo(10000);
    }

    @Test
    void aDownloadWithoutLimitAsksForEveryRowUpToItsOwnCap() {
        PagingProperties withDownloads = new PagingProperties(100, 10000, 1_000_000);
        assertThat(withDownloads.download(null, null)).isEqualTo(new PagingProperties.Page(1_000_000, 0));
        assertThat(withDownloads.download(20_000, 5)).isEqualTo(new PagingProperties.Page(20_000, 5));
        assertThat(withDownloads.download(5_000_000, 0).limit()).isEqualTo(1_000_000);
        // pages are unchanged by it
        assertThat(withDownloads.page(20_000, 0).limit()).isEqualTo(10000);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> paging.page(0, 0)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> paging.page(10, -1)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> paging.download(0, 0)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> paging.download(null, -1)).isInstanceOf(ApiException.class);
    }

    @Test
    void rejectionsAreTranslated() {
        assertThatThrownBy(() -> paging.page(0, 0)).satisfies(LocalisedDetails::assertEnglishIsTheMessage)
                .satisfies(e -> assertThat(LocalisedDetails.detail(e, "ru"))
                        .isEqualTo("limit должен быть не меньше 1"));
        assertThatThrownBy(() -> paging.page(10, -1)).satisfies(LocalisedDetails::assertEnglishIsTheMessage)
                .satisfies(e -> assertThat(LocalisedDetails.detail(e, "uz"))
                        .isEqualTo("offset manfiy boʻlmasligi kerak"));
    }
}
