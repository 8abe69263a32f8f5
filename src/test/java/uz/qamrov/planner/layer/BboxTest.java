package uz.qamrov.planner.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uz.qamrov.planner.web.ApiException;
import uz.qamrov.support.LocalisedDetails;

class BboxTest {

    @Test
    void parsesLonLatOrder() {
        assertThat(Layers.parseBbox("66, 39,68.5,40")).containsExactly(66, 39, 68.5, 40);
        assertThat(Layers.parseBbox(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,2,3", "a,b,c,d", "68,39,66,40", "66,40,68,39", "0,-91,1,0", "NaN,1,2,3", "1,2,3,4,5"})
    void rejectsMalformedOrInvertedBoxes(String bbox) {
        assertThatThrownBy(() -> Layers.parseBbox(bbox)).isInstanceOf(ApiException.class)
                .satisfies(LocalisedDetails::assertEnglishIsTheMessage)
                .satisfies(e -> assertThat(LocalisedDetails.detail(e, "ru"))
                        .isEqualTo("bbox должен иметь вид minLon,minLat,maxLon,maxLat в WGS84"));
    }
}
