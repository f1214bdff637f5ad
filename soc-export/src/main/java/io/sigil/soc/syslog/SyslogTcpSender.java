package io.sigil.soc.syslog;

import io.sigil.soc.DeliveryResult;
import io.sigil.soc.Exporter;
import io.sigil.soc.SealedEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** Sends batches as octet-counted RFC 5424 frames over TCP or TLS (RFC 6587, RFC 5425), reconnecting as needed. */
public final class SyslogTcpSender implements Exporter, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SyslogTcpSender.class.getName());

    private final SyslogTarget target;
    private final SyslogComposer composer;
    private final ScheduledExecutorService watchdog;
    private SyslogConnection connection;

    public SyslogTcpSender(SyslogTarget target, SyslogComposer composer) {
        this.target = target;
        this.composer = composer;
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName("sigil-syslog-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.watchdog = timer;
    }

    /**
     * Delivered only after every frame was written and flushed without error and, in the default {@link
     * Confirmation#PEER_CLOSE} mode, the receiver closed its side after reading them. Any failure is retryable and
     * discards the connection; the next batch opens a new one.
     */
    @Override
    public synchronized DeliveryResult deliver(List<SealedEvent> batch) {
        if (batch.isEmpty()) {
            return DeliveryResult.delivered(0);
        }
        byte[] payload = frames(batch);
        String stage = "connect";
        try {
            SyslogConnection live = liveConnection();
            stage = "send";
            live.write(payload, watchdog);
            if (target.confirmation() == Confirmation.PEER_CLOSE) {
                stage = "confirm";
                live.awaitPeerClose();
                discard();
            }
            return DeliveryResult.delivered(batch.size());
        } catch (IOException | RuntimeException e) {
            discard();
            String reason = stage + " to " + target + " failed: " + describe(e);
            LOG.log(Level.WARNING, "syslog batch of {0} events not delivered: {1}", batch.size(), reason);
            return DeliveryResult.retryable(reason);
        }
    }

    private byte[] frames(List<SealedEvent> batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 768);
        for (SealedEvent event : batch) {
            out.writeBytes(composer.compose(event).framed());
        }
        return out.toByteArray();
    }

    private SyslogConnection liveConnection() throws IOException {
        if (connection != null && connection.peerGone()) {
            discard();
        }
        if (connection == null) {
            connection = SyslogConnection.open(target);
        }
        return connection;
    }

    private void discard() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private static String describe(Throwable e) {
        StringBuilder out =
                new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        Throwable cause = e.getCause();
        // Handshake failures hide the useful part (untrusted, name mismatch) one level down.
        if (cause != null
                && cause != e
                && cause.getMessage() != null
                && !out.toString().contains(cause.getMessage())) {
            out.append(" (").append(cause.getMessage()).append(')');
        }
        return out.toString();
    }

    @Override
    public synchronized void close() {
        discard();
        watchdog.shutdownNow();
    }

    @Override
    public String toString() {
        return "SyslogTcpSender[" + target + "]";
    }
}
