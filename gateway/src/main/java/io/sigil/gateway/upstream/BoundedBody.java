package io.sigil.gateway.upstream;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/** Collects a response body but gives up, and cancels the stream, as soon as it exceeds a limit. */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final int limit;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final Consumer<byte[]> chunks;
    private Flow.Subscription subscription;

    private BoundedBody(int limit, Consumer<byte[]> chunks) {
        this.limit = limit;
        this.chunks = chunks;
    }

    static HttpResponse.BodySubscriber<byte[]> subscriber(int limit) {
        return new BoundedBody(limit, chunk -> {});
    }

    /** A body that also hands each chunk, as it arrives and within the limit, to {@code chunks}. */
    static HttpResponse.BodySubscriber<byte[]> subscriber(int limit, Consumer<byte[]> chunks) {
        return new BoundedBody(limit, chunks);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer item : items) {
            if (buffer.size() + item.remaining() > limit) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge());
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            buffer.writeBytes(chunk);
            chunks.accept(chunk);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    /** The body passed the limit. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("upstream response too large", null, false, false);
        }
    }
}
