package io.sigil.core.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The code half of the detector packs: resolves a pack's validator spec into a pure predicate on the
 * matched value. A spec is one name, {@code name:argument}, or several joined by commas, all of which must
 * accept ({@code notPlaceholder,entropy:3.5}).
 */
public final class Validators {

    private static final Map<String, Predicate<String>> BY_NAME = Map.ofEntries(
            Map.entry("luhn", FinancialIds::luhn),
            Map.entry("paymentCard", FinancialIds::paymentCard),
            Map.entry("iban", FinancialIds::iban),
            Map.entry("abaRouting", FinancialIds::abaRouting),
            Map.entry("bankAccount", FinancialIds::bankAccount),
            Map.entry("githubToken", TokenChecks::githubToken),
            Map.entry("jwt", TokenChecks::jwt),
            Map.entry("keyBody", TokenChecks::keyBody),
            Map.entry("notPlaceholder", TokenChecks::notPlaceholder),
            Map.entry("secretValue", TokenChecks::secretValue),
            Map.entry("basicCredentials", TokenChecks::basicCredentials),
            Map.entry("password", TokenChecks::password),
            Map.entry("notWeak", TokenChecks::notWeak),
            Map.entry("email", ContactIds::email),
            Map.entry("phone", ContactIds::phone),
            Map.entry("bic", ContactIds::bic),
            Map.entry("ukNino", ContactIds::ukNino),
            Map.entry("ehicCard", HealthIds::ehicCard),
            Map.entry("usSsn", NationalIds::usSsn),
            Map.entry("usEin", NationalIds::usEin),
            Map.entry("anyNationalId", NationalIds::anyNationalId),
            Map.entry("passportNumber", NationalIds::passportNumber),
            Map.entry("deTaxId", NationalIds::deTaxId),
            Map.entry("frNir", NationalIds::frNir),
            Map.entry("itFiscalCode", NationalIds::itFiscalCode),
            Map.entry("esDniNie", NationalIds::esDniNie),
            Map.entry("nlBsn", NationalIds::nlBsn),
            Map.entry("plPesel", NationalIds::plPesel),
            Map.entry("sePersonnummer", NationalIds::sePersonnummer),
            Map.entry("fiHetu", NationalIds::fiHetu),
            Map.entry("beNationalNumber", NationalIds::beNationalNumber),
            Map.entry("atSvnr", NationalIds::atSvnr),
            Map.entry("ptNif", NationalIds::ptNif),
            Map.entry("roCnp", NationalIds::roCnp),
            Map.entry("iePps", NationalIds::iePps),
            Map.entry("chAhv", NationalIds::chAhv),
            Map.entry("dkCpr", NationalIds::dkCpr),
            Map.entry("czBirthNumber", NationalIds::czBirthNumber),
            Map.entry("mrzPassportLine", NationalIds::mrzPassportLine),
            Map.entry("deKvnr", HealthIds::deKvnr),
            Map.entry("usNpi", HealthIds::usNpi),
            Map.entry("usDea", HealthIds::usDea),
            Map.entry("ukNhs", HealthIds::ukNhs));

    private Validators() {}

    /** Every validator name a pack may use ({@code entropy} takes bits per char as its argument). */
    public static Set<String> names() {
        Set<String> names = new TreeSet<>(BY_NAME.keySet());
        names.add("entropy");
        return names;
    }

    /**
     * Resolves a validator spec.
     *
     * @throws IllegalArgumentException if a name is unknown or an argument malformed
     */
    public static Predicate<String> resolve(String spec) {
        if (spec == null || spec.isBlank()) {
            return value -> true;
        }
        List<Predicate<String>> all = new ArrayList<>();
        for (String part : spec.split(",")) {
            all.add(one(part.trim()));
        }
        return all.size() == 1 ? all.get(0) : value -> all.stream().allMatch(p -> p.test(value));
    }

    private static Predicate<String> one(String spec) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        String argument = colon < 0 ? null : spec.substring(colon + 1);
        if (name.equals("entropy")) {
            double min;
            try {
                min = Double.parseDouble(argument);
            } catch (NullPointerException | NumberFormatException e) {
                throw new IllegalArgumentException("validator 'entropy' needs bits per char, e.g. entropy:3.5");
            }
            return value -> TokenChecks.entropy(value) >= min;
        }
        Predicate<String> validator = BY_NAME.get(name);
        if (validator == null) {
            throw new IllegalArgumentException("unknown validator '" + name + "', known: " + names());
        }
        if (argument != null) {
            throw new IllegalArgumentException("validator '" + name + "' takes no argument");
        }
        return validator;
    }
}
