package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

    @Test
    void luhn_accepts_a_number_whose_check_digit_is_computed_and_rejects_any_other_check_digit() {
        // Given a 15-digit payload and its Luhn check digit computed here
        String payload = "411111111111111";
        int check = luhnCheckDigit(payload);

        // When / Then
        assertThat(FinancialIds.luhn(payload + check)).isTrue();
        assertThat(FinancialIds.luhn(payload + ((check + 1) % 10))).isFalse();
        assertThat(FinancialIds.luhn("4111 1111 1111 1111")).isTrue();
        assertThat(FinancialIds.luhn("4111-1111-1111-1112")).isFalse();
        assertThat(FinancialIds.luhn("12345")).isFalse();
    }

    @Test
    void iban_accepts_computed_check_digits_with_or_without_spaces_and_enforces_country_length() {
        // Given a fake German BBAN with check digits computed here
        String iban = iban("DE", "370400440532013000");

        // When / Then
        assertThat(FinancialIds.iban(iban)).isTrue();
        assertThat(FinancialIds.iban(iban.replaceAll("(.{4})", "$1 ").trim())).isTrue();
        assertThat(FinancialIds.iban(iban.substring(0, iban.length() - 1) + "1"))
                .isFalse();
        assertThat(FinancialIds.iban(iban("DE", "3704004405320130")))
                .as("too short for DE")
                .isFalse();
        assertThat(FinancialIds.iban(iban("XX", "370400440532013000")))
                .as("unknown country")
                .isFalse();
        assertThat(FinancialIds.iban(iban("NO", "86011117947"))).isTrue();
        assertThat(FinancialIds.iban(iban("MT", "MALT011000012345MTLCAST001S"))).isTrue();
    }

    @Test
    void github_token_needs_the_crc32_of_its_body_as_a_base62_suffix() {
        // Given a fake body and its checksum computed here
        String body = "abcdefghijklmnopqrstuvwxyz0123";
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        String token = "ghp_" + body + TokenChecks.base62(crc.getValue(), 6);

        // When / Then
        assertThat(TokenChecks.githubToken(token)).isTrue();
        assertThat(TokenChecks.githubToken("gho_" + token.substring(4))).isTrue();
        assertThat(TokenChecks.githubToken(token.substring(0, 39) + (token.endsWith("0") ? "1" : "0")))
                .isFalse();
        assertThat(TokenChecks.githubToken("ghp_" + "a".repeat(36))).isFalse();
        assertThat(TokenChecks.base62(61, 3)).isEqualTo("00z");
    }

    @Test
    void entropy_is_zero_for_a_repeated_char_and_log2_of_the_alphabet_for_a_uniform_string() {
        // Given / When / Then
        assertThat(TokenChecks.entropy("aaaaaaaa")).isZero();
        assertThat(TokenChecks.entropy("abcdefgh")).isEqualTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Validators.resolve("entropy:3.5").test("abcdefghijklmnop")).isTrue();
        assertThat(Validators.resolve("entropy:3.5").test("abababababababab")).isFalse();
    }

    @Test
    void us_ssn_rejects_the_reserved_areas_groups_and_serials() {
        // Given / When / Then
        assertThat(NationalIds.usSsn("536-22-1234")).isTrue();
        assertThat(NationalIds.usSsn("536221234")).isTrue();
        assertThat(NationalIds.usSsn("123-45-6789"))
                .as("the advertising number")
                .isFalse();
        assertThat(NationalIds.usSsn("000-45-6789")).isFalse();
        assertThat(NationalIds.usSsn("666-45-6789")).isFalse();
        assertThat(NationalIds.usSsn("912-45-6789")).isFalse();
        assertThat(NationalIds.usSsn("123-00-6789")).isFalse();
        assertThat(NationalIds.usSsn("123-45-0000")).isFalse();
        assertThat(NationalIds.usSsn("536-22-123")).isFalse();
    }

    @Test
    void us_ein_takes_only_prefixes_the_irs_assigns() {
        assertThat(NationalIds.usEin("94-0331889")).isTrue();
        assertThat(NationalIds.usEin("460331889")).isTrue();
        for (String unassigned : new String[] {
            "00", "07", "08", "09", "17", "18", "19", "28", "29", "49", "69", "70", "78", "79", "89", "96", "97"
        }) {
            assertThat(NationalIds.usEin(unassigned + "-0331889"))
                    .as(unassigned)
                    .isFalse();
        }
        assertThat(NationalIds.usEin("12-3456789")).as("a run").isFalse();
        assertThat(NationalIds.usEin("11-1111111")).isFalse();
        assertThat(NationalIds.usEin("94-033188")).as("eight digits").isFalse();
    }

    @Test
    void a_bank_account_number_is_six_to_seventeen_digits_and_not_a_run() {
        assertThat(FinancialIds.bankAccount("2711520708")).isTrue();
        assertThat(FinancialIds.bankAccount("902210821270")).isTrue();
        assertThat(FinancialIds.bankAccount("12345")).isFalse();
        assertThat(FinancialIds.bankAccount("123456789012345678")).isFalse();
        assertThat(FinancialIds.bankAccount("0000000000")).isFalse();
        assertThat(FinancialIds.bankAccount("123456789")).isFalse();
        assertThat(FinancialIds.bankAccount("987654321")).isFalse();
    }

    @Test
    void a_passport_number_found_by_context_has_two_digits_at_least() {
        assertThat(NationalIds.passportNumber("KSJ96BDL5")).isTrue();
        assertThat(NationalIds.passportNumber("WK9854452")).isTrue();
        assertThat(NationalIds.passportNumber("EXPIRED")).isFalse();
        assertThat(NationalIds.passportNumber("ABC1DEF")).as("one digit").isFalse();
        assertThat(NationalIds.passportNumber("1111111")).isFalse();
        assertThat(NationalIds.passportNumber("A1B2")).as("too short").isFalse();
    }

    @Test
    void basic_credentials_decode_to_a_user_and_a_password_that_is_not_a_stand_in() {
        assertThat(TokenChecks.basicCredentials(base64("svc_deploy:Kq7!vR2pZx")))
                .isTrue();
        assertThat(TokenChecks.basicCredentials(base64("ops:Tq8#wz"))).isTrue();
        assertThat(TokenChecks.basicCredentials(base64("ops:Tq8#wz").replace("=", "")))
                .as("unpadded")
                .isTrue();
        assertThat(TokenChecks.basicCredentials(base64("user:password"))).isFalse();
        assertThat(TokenChecks.basicCredentials(base64("admin"))).as("no colon").isFalse();
        assertThat(TokenChecks.basicCredentials(base64(":Kq7!vR2pZx")))
                .as("no user")
                .isFalse();
        assertThat(TokenChecks.basicCredentials(base64("svc:")))
                .as("no password")
                .isFalse();
        assertThat(TokenChecks.basicCredentials(base64("svc:a\u0001b2c3d4")))
                .as("a control char")
                .isFalse();
        assertThat(TokenChecks.basicCredentials("authentication"))
                .as("an English word")
                .isFalse();
        assertThat(TokenChecks.basicCredentials("abcde"))
                .as("not a base64 length")
                .isFalse();
    }

    @Test
    void a_value_named_a_national_id_needs_the_check_digits_of_one_known_id_and_never_throws() {
        // Given values made by the checks' own algorithms in the probes (a CPR, a PESEL, a NIR, a PPS)
        assertThat(NationalIds.anyNationalId("030518-7577")).isTrue();
        assertThat(NationalIds.anyNationalId("87602534962")).isTrue();
        assertThat(NationalIds.anyNationalId("2 96 02 69 096 567 06")).isTrue();
        assertThat(NationalIds.anyNationalId("5281014LA")).isTrue();
        assertThat(NationalIds.anyNationalId("12345678901")).isFalse();
        assertThat(NationalIds.anyNationalId("E-30914")).isFalse();

        // When any mix of the value's chars is asked, of any length, nothing throws
        java.util.Random random = new java.util.Random(16);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ .-/";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(25); n > 0; n--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            NationalIds.anyNationalId(value.toString());
        }
    }

    @Test
    void a_czech_birth_number_is_a_date_and_divisible_by_eleven() {
        assertThat(NationalIds.czBirthNumber("715110/0066"))
                .as("a woman born 1971-01-10")
                .isTrue();
        assertThat(NationalIds.czBirthNumber("7151100066")).isTrue();
        assertThat(NationalIds.czBirthNumber("715110/0067"))
                .as("not divisible by 11")
                .isFalse();
        assertThat(NationalIds.czBirthNumber("711310/0066")).as("month 13").isFalse();
        assertThat(NationalIds.czBirthNumber("715110/006")).as("nine digits").isFalse();
    }

    @Test
    void a_passport_mrz_line_needs_its_three_check_digits() {
        String line = "HXWEM8YTZ2NLD8503149F3102282<<<<<<<<<<<<<<<4";
        assertThat(NationalIds.mrzPassportLine(line)).isTrue();
        assertThat(NationalIds.mrzPassportLine("C4KR7TN<<6D<<9207075M3301155<<<<<<<<<<<<<<<6"))
                .isTrue();
        assertThat(NationalIds.mrzPassportLine(line.replace("TZ2NLD", "TZ3NLD")))
                .as("document number")
                .isFalse();
        assertThat(NationalIds.mrzPassportLine(line.replace("8503149", "8503148")))
                .as("birth date")
                .isFalse();
        assertThat(NationalIds.mrzPassportLine(line.replace("3102282", "3102283")))
                .as("expiry")
                .isFalse();
        assertThat(NationalIds.mrzPassportLine(line.substring(1)))
                .as("43 chars")
                .isFalse();
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unknown_validators_and_malformed_arguments_are_rejected_by_name() {
        assertThatThrownBy(() -> Validators.resolve("crc64")).hasMessageContaining("crc64");
        assertThatThrownBy(() -> Validators.resolve("entropy")).hasMessageContaining("entropy:3.5");
        assertThatThrownBy(() -> Validators.resolve("luhn:2")).hasMessageContaining("no argument");
    }

    private static int luhnCheckDigit(String payload) {
        for (int d = 0; d < 10; d++) {
            if (FinancialIds.luhn(payload + d)) {
                return d;
            }
        }
        throw new AssertionError("no check digit");
    }

    /** Computes ISO 7064 mod-97 check digits for a country and BBAN. */
    static String iban(String country, String bban) {
        String rearranged = bban + country + "00";
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            String value = Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10);
            for (char v : value.toCharArray()) {
                remainder = (remainder * 10 + (v - '0')) % 97;
            }
        }
        return country + String.format("%02d", 98 - remainder) + bban;
    }
}
