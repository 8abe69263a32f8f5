package uz.qamrov.planner.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uz.qamrov.support.LocalisedDetails;

/** A missing token and a missing role are explained in the caller's language; in English as before. */
class AccessProblemsTest {

    @Test
    void aMissingTokenIsExplained() {
        var e = AccessService.unauthorized();
        LocalisedDetails.assertEnglishIsTheMessage(e);
        assertThat(LocalisedDetails.detail(e, "ru"))
                .isEqualTo("Нужен действующий API-токен: передайте заголовок 'Authorization: Bearer <token>'");
    }

    @Test
    void aMissingAdminRoleNamesTheTokensRole() {
        assertThatThrownBy(() -> AccessService.requireAdmin(new Caller(7, "ucell-uploader", Role.OPERATOR, "ucell")))
                .hasMessage("this needs the admin role; the token has role operator")
                .satisfies(LocalisedDetails::assertEnglishIsTheMessage)
                .satisfies(e -> assertThat(LocalisedDetails.detail(e, "uz"))
                        .isEqualTo("Buning uchun admin roli kerak; tokenning roli: operator"));
    }
}
