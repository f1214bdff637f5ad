/**
 * The SIGIL sensitivity scanner: declarative detector packs, compiled once into an immutable {@link
 * io.sigil.core.scan.ScanEngine}.
 *
 * <h2>Linear time by construction</h2>
 *
 * <ul>
 *   <li>Every pattern is compiled with RE2J, which has no backtracking; a pack whose pattern RE2J cannot
 *       compile (e.g. with backreferences or look-arounds) is rejected at load time.
 *   <li>One hand-written Aho-Corasick pass over the text finds every keyword. A pattern whose every match
 *       starts with one of its keywords ({@code PatternHeads}) is tried anchored ({@code \A}) at each hit;
 *       any other pattern only looks at its keyword hits widened by its {@code window} (default 256 chars,
 *       at most 8192), with overlapping windows merged, so each char is matched at most once per detector.
 *       Inside those windows, a pattern whose matches start with at least two known char classes ({@code
 *       StartClasses}, e.g. {@code \b[A-Z]{2}[0-9]{2}} for the IBAN) and a bounded length is tried anchored
 *       only where they fit, on its longest match, left to right and never inside the previous match: the
 *       same matches as a sweep, far fewer chars handed to RE2J. A window where those tries would be charged
 *       more than a sweep is swept, so the budget never pays more for it.
 *   <li>Before RE2J sees a window, a DFA built from the detector's pattern ({@code PatternDfa}) reads it, one
 *       table lookup per char, and rules it out when no match can lie there; at a keyword hit, an anchored
 *       DFA rules out a try in a few chars. The DFA reads a language that contains the pattern's (zero-width
 *       assertions match everywhere, large counts are read smaller), so it only ever says "no" where RE2J
 *       would find nothing, and RE2J still confirms every span. A pattern whose DFA would be too large gets
 *       a lazy one, whose states are made as the text reaches them. A read is charged a unit per 16 chars
 *       (plus the detector's weight per state a lazy DFA visits), never more than the window or try it
 *       replaces would have cost.
 *   <li>A deterministic work budget ({@code ScanBudget}) bounds the pattern work: each RE2J invocation and
 *       each char handed to it is counted, weighted by the pattern's estimated size ({@code PatternCost}),
 *       up to 1 MiB units plus 64 per input char. An input that reaches it (or the base64 budget) gives a
 *       truncated {@link io.sigil.core.scan.ScanResult} with a {@code scan-incomplete} finding over the whole
 *       text, so callers fail closed. No clock is read: the same input always gets the same answer.
 *   <li>A detector without keywords must say {@code alwaysRun}. Its pattern must be anchored by structure
 *       (fixed shapes such as digit groups and country codes, word boundaries) and confirmed by a
 *       validator. It should also declare a {@code digitAnchor}: then its windows sit only around runs of
 *       digits of a plausible length (IBAN, payment card), and text without such runs costs no regex.
 *   <li>Normalisation (percent and HTML-entity decoding, NFKC, invisible chars removed) is a fixed number
 *       of linear passes; base64 tokens of 16..4096 chars (also when glued to a prefix by {@code _} or {@code -}) are
 *       decoded and rescanned one level deep, within a budget of 256 KiB decoded bytes per scan.
 *   <li>The JSON walk keeps its own stack and refuses nesting deeper than {@code MAX_JSON_DEPTH}.
 * </ul>
 *
 * <h2>Streams</h2>
 *
 * {@link io.sigil.core.scan.StreamScanner} ({@code ScanEngine.stream()}) scans an SSE or chunked stream chunk
 * by chunk: it always holds back a carry-over window and never cuts inside a finding, so a secret split
 * across chunks is masked whole before any of it leaves; findings carry spans into the stream.
 *
 * <h2>Spans</h2>
 *
 * Findings always carry spans into the text exactly as the caller passed it: a key split by zero-width
 * spaces spans the invisible chars too, a percent-encoded one spans its escapes, and one found inside a
 * base64 token spans the whole token, so that replacing the span removes the secret.
 *
 * <h2>Documentation values</h2>
 *
 * Values that are structurally valid are reported even when they may be test values ({@code 4111 1111 1111
 * 1111} in a payment log, the IBAN {@code DE89 3704 0044 0532 0130 00}): a scanner cannot tell them from real
 * ones, and vaulting a fake costs less than leaking a real one. Not reported: values that say they are
 * stand-ins ({@code AKIAIOSFODNN7EXAMPLE}, {@code YOUR_API_KEY}, {@code sk-proj-xxxx}, {@code ${DB_PASSWORD}}),
 * a card number next to a phrase such as "test card" or "sandbox" (a detector's {@code suppressNear}), UUIDs
 * and hex digests. Catch-all detectors (a {@code password=} or {@code api_key=} assignment) give way to a
 * specific detector's finding on the same chars.
 *
 * <h2>Packs</h2>
 *
 * The built-in detectors live in {@code packs/sigil-scanner-*.json} (cloud, saas, credentials, crypto-keys,
 * financial, pii, health); their accuracy on the generated corpus is in {@code docs/scanner-accuracy.md}.
 */
package io.sigil.core.scan;
