package io.sigil.gateway.stages;

import io.sigil.core.mcp.JsonRpcError;
import io.sigil.core.model.CallerIdentity;
import io.sigil.gateway.pipeline.Credentials;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.Stage;
import io.sigil.gateway.pipeline.StageResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Turns the verified token into the caller and its trust level; a token without subject or client is refused. */
public final class IdentityStage implements Stage {

    public static final String NAME = "identity";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletionStage<StageResult> apply(Exchange exchange) {
        Credentials credentials = exchange.credentials();
        if (blank(credentials.subject()) || blank(credentials.clientId())) {
            return CompletableFuture.completedFuture(
                    StageResult.reject(JsonRpcError.UNAUTHENTICATED, "the token names no subject or client", 401));
        }
        String user = credentials.claim("preferred_username");
        String subject = user == null || user.startsWith("service-account-") ? credentials.clientId() : user;
        exchange.caller(new CallerIdentity(
                subject, credentials.clientId(), TrustMapper.trustOf(credentials), credentials.roles()));
        return CompletableFuture.completedFuture(StageResult.CONTINUE);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
