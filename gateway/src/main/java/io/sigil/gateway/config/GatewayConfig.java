package io.sigil.gateway.config;

import io.sigil.core.model.TrustLevel;
import io.sigil.gateway.pinning.PinningPolicy;
import io.sigil.gateway.risk.RiskClass;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The gateway's configuration: its chain of stages, its limits and its upstream MCP servers. */
@ConfigMapping(prefix = "sigil.gateway")
public interface GatewayConfig {

    /** The ordered chain of stages every request passes; an unknown name fails start-up. */
    @WithDefault(
            "identity,validation,lifecycle,pinning,schema,request-scan,response-scan,audit-admission,forward,audit")
    List<String> stages();

    /**
     * Browser origins allowed to call the gateway. A request that carries any other {@code Origin} is refused
     * (MCP's DNS-rebinding defence); requests without {@code Origin} (non-browser clients) are unaffected.
     */
    Optional<List<String>> allowedOrigins();

    /** The deepest JSON nesting a request may have; deeper requests are refused before they are parsed. */
    @WithDefault("64")
    int maxJsonDepth();

    /** How long the upstream's tool list (and its compiled schemas) is reused before it is fetched again. */
    @WithDefault("60s")
    Duration toolCatalogMaxAge();

    /**
     * Where answers carry the SIGIL envelope: {@code meta} (in {@code result._meta} or {@code error.data}, which
     * strict MCP clients accept) or {@code top-level} (the seed's {@code _sigil} member, for SIGIL-aware clients).
     */
    @WithDefault("meta")
    EnvelopePlacement envelope();

    /** Where the envelope goes. */
    enum EnvelopePlacement {
        META,
        TOP_LEVEL
    }

    /**
     * The gateway's OAuth resource identifier (RFC 9728 {@code resource}): the absolute URL of its MCP endpoint.
     * Its protected-resource metadata is published at the well-known URL derived from it.
     */
    URI resource();

    /** The human-readable name given in the protected-resource metadata. */
    @WithDefault("SIGIL gateway")
    String resourceName();

    /** Scopes a client may request for the gateway, advertised in the metadata; none by default. */
    Optional<List<String>> scopes();

    /**
     * The JWS algorithms a bearer token may be signed with. Only asymmetric algorithms belong here: a token
     * naming any other ({@code none}, {@code HS256}) is refused before its signature is looked at.
     */
    @WithDefault("RS256,PS256,ES256")
    Set<String> tokenAlgorithms();

    /** How the gateway verifies access tokens on its MCP endpoint. */
    Token token();

    /** Access-token verification: the authorization server, the accepted audiences, clocks and key fetching. */
    interface Token {

        /** The authorization server (its OIDC discovery document is read below this URL). */
        @WithDefault("${quarkus.oidc.auth-server-url}")
        URI authorizationServer();

        /** The issuer tokens must carry; the discovery document's {@code issuer} when not set. */
        Optional<String> issuer();

        /** The audiences a token must name one of (RFC 8707: the gateway's client id or its resource URL). */
        @WithDefault("sigil-gateway,${sigil.gateway.resource}")
        Set<String> audiences();

        /** How far the gateway's clock may be from the issuer's for {@code exp}, {@code nbf} and {@code iat}. */
        @WithDefault("10s")
        Duration clockSkew();

        /** The shortest gap between two key fetches caused by tokens naming an unknown key. */
        @WithDefault("10s")
        Duration keysMinRefreshInterval();

        /** How long a fetched key set is used before it is fetched again. */
        @WithDefault("10m")
        Duration keysMaxAge();

        /** How long one fetch of the discovery document or the JWKS may take. */
        @WithDefault("5s")
        Duration keysFetchTimeout();
    }

    /**
     * How long a verified token is trusted without verifying it again (never beyond its expiry); {@code 0s}
     * turns the cache off. Bounds how late a later revocation of the token's client can take effect.
     */
    @WithDefault("30s")
    Duration verifiedTokenMaxAge();

    /** How many verified tokens are remembered. */
    @WithDefault("10000")
    int verifiedTokenCapacity();

    /** The replica of identity-service's registry and trust rules. */
    Identity identity();

    /**
     * The lowest trust level a tool may be called with, by tool name (until policy bundles carry it). A caller
     * below it is refused; when only the person's assurance falls short, with an RFC 9470 step-up challenge.
     */
    Map<String, TrustLevel> toolTrust();

    /** The risk class of each tool, by name, until policy bundles carry it; a tool not named is unclassified. */
    Map<String, RiskClass> riskClasses();

    /**
     * The risk classes whose answers wait for the broker to acknowledge their audit event, and are refused when
     * it cannot (audit dominance). Answers carrying an interception always wait.
     */
    @WithDefault("write,destructive,financial,unclassified")
    Set<RiskClass> auditAwaitedFor();

    /**
     * With the {@code audit-admission} stage: the risk classes whose calls go upstream only once their admission
     * record is acknowledged by the broker (write-ahead), so that no such action happens unrecorded.
     */
    @WithDefault("destructive,financial,unclassified")
    Set<RiskClass> auditWriteAheadFor();

    /**
     * The key (base64, at least 32 bytes) of the keyed digests that stand in the audit trail for a call's arguments
     * and its answer's result. Without it each process draws a random one, so digests compare neither across
     * restarts nor between replicas; give every gateway the same key from a secret store.
     */
    Optional<String> auditDigestKey();

    /** Sender-constrained tokens (RFC 9449 DPoP). */
    Dpop dpop();

    /** Where findings are sealed: the vault's public key and its entries topic. */
    Vault vault();

    /** MCP sessions (protocol revisions 2025-06-18 and 2025-11-25; 2026-07-28 is stateless). */
    Sessions sessions();

    /** MCP sessions: issued at {@code initialize}, bound to the caller, ended by DELETE or when idle. */
    interface Sessions {

        /** A session unused this long is forgotten; a later request naming it gets 404. */
        @WithDefault("30m")
        Duration idleTimeout();

        /** Sessions held at most, over all callers; beyond it {@code initialize} is refused with 503. */
        @WithDefault("10000")
        int max();

        /**
         * Sessions one caller (a subject through a client) holds at most; its least recently used is ended to make
         * room for a new one. Per caller, so one user of a shared client cannot end another's sessions.
         */
        @WithDefault("100")
        int maxPerClient();

        /**
         * Whether a request of a session-bearing revision must name its session (400 otherwise). Off by default:
         * every request carries its own verified token, and clients that never initialise keep working.
         */
        @WithDefault("false")
        boolean required();

        /** How often an idle GET stream carries a comment, so that proxies keep it open. */
        @WithDefault("15s")
        Duration keepAlive();

        /**
         * How often at most one kind of {@code list_changed} is passed to the GET streams; a burst from an upstream
         * reaches clients as its first and its last notice.
         */
        @WithDefault("1s")
        Duration noticeInterval();
    }

    /** The registry replica. */
    interface Identity {

        /** The compacted topic identity-service publishes agents and trust rules on. */
        @WithDefault("sigil.identities")
        String topic();

        /**
         * How long the replica may go without the broker confirming it is current before every call is refused:
         * a revocation that cannot arrive must not be assumed not to exist.
         */
        @WithDefault("30s")
        Duration maxStaleness();

        /** How long one confirmation (the topic's end offsets) may take. */
        @WithDefault("2s")
        Duration confirmTimeout();
    }

    /** The vault that every finding is sealed for before its pointer replaces it. */
    interface Vault {

        /**
         * The vault's X25519 public key, 32 bytes in unpadded base64url, as vault-service's
         * {@code GET /api/vault/public-key} shows it. The gateway can seal with it and never open.
         */
        Optional<String> publicKey();

        /** The version of that key, written into every entry so that the vault opens it with the right one. */
        @WithDefault("1")
        int keyVersion();

        /**
         * Seal with the published development key when no public key is set: its entries are as good as
         * plaintext, so only development and test stacks may (the default in development and test mode).
         */
        Optional<Boolean> allowDevelopmentKey();

        /** The tenant the entries belong to. */
        @WithDefault("default")
        String tenant();

        /** The append-only topic vault-service materialises. */
        @WithDefault("sigil.vault.entries")
        String topic();

        /** How long an answer with findings waits for the broker to acknowledge their entries before it is refused. */
        @WithDefault("5s")
        Duration ackTimeout();

        /**
         * The largest finding, in UTF-8 bytes, that one entry holds; a call or answer with a larger one is refused,
         * since what replaced it could not be kept. At most 700000, so that a sealed entry fits a broker's default
         * 1 MB message.
         */
        @WithDefault("262144")
        int maxEntryBytes();
    }

    /** How DPoP proofs are checked. */
    interface Dpop {

        /** How far a proof's {@code iat} may be from the gateway's clock, either way. */
        @WithDefault("60s")
        Duration maxClockSkew();

        /** How many proof ids are remembered to refuse a replayed proof. */
        @WithDefault("100000")
        int replayCapacity();
    }

    /** Tool-definition pinning (the rug-pull defence). */
    Pinning pinning();

    /** What happens to a tool version that awaits an administrator's approval. */
    interface Pinning {

        /** For a definition that differs from the pinned one: {@code hide} (and refuse calls) or {@code warn}. */
        @WithDefault("hide")
        PinningPolicy.Mode onChange();

        /** For a definition carrying instructions aimed at the model: {@code hide} or {@code warn}. */
        @WithDefault("hide")
        PinningPolicy.Mode onInjection();
    }

    /** The upstream MCP servers, by name (letters, digits and hyphens). */
    Map<String, Upstream> upstreams();

    /** How several upstreams share one endpoint. */
    Federation federation();

    /** Names across federated upstreams. */
    interface Federation {

        /**
         * Whether tool and prompt names carry their upstream's name and the separator as a prefix. On by default
         * when there are several upstreams, which then must not turn it off (names could collide).
         */
        Optional<Boolean> prefixNames();

        /** What joins an upstream's name and a tool or prompt name. */
        @WithDefault("__")
        String separator();
    }

    /**
     * One upstream MCP server: reached over Streamable HTTP at {@code url}, or run by the gateway as a child
     * process speaking stdio when {@code command} is given (exactly one of the two).
     */
    interface Upstream {

        /** The upstream's MCP endpoint, e.g. {@code http://127.0.0.1:8710/mcp}. */
        Optional<URI> url();

        /** The command line of a stdio upstream the gateway starts itself, e.g. {@code node,server.js,stdio}. */
        Optional<List<String>> command();

        /** The working directory of a stdio upstream; the gateway's own when not set. */
        Optional<java.nio.file.Path> directory();

        /**
         * The names of the gateway's environment variables a stdio upstream inherits; nothing else of the
         * gateway's environment (its own secrets) reaches the child.
         */
        @WithDefault("PATH,HOME,LANG,TMPDIR")
        List<String> inheritEnv();

        /** Environment variables set for a stdio upstream: its own credentials, never a client's. */
        Map<String, String> env();

        /** A file a stdio upstream's stderr is appended to; discarded when not set. */
        Optional<java.nio.file.Path> stderr();

        /** The first wait before a stopped stdio upstream is started again; it doubles while it keeps failing. */
        @WithDefault("1s")
        Duration restartBackoff();

        /** The longest wait before a stopped stdio upstream is started again. */
        @WithDefault("30s")
        Duration restartBackoffMax();

        /** How long one upstream request may take before the call is refused with a timeout error. */
        @WithDefault("30s")
        Duration timeout();

        /** The largest answer accepted from the upstream; a larger one is refused, never passed on. */
        @WithDefault("4194304")
        int maxResponseBytes();
    }
}
