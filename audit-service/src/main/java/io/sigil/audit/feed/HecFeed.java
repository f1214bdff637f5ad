package io.sigil.audit.feed;

import io.sigil.audit.config.AuditConfig;
import io.sigil.soc.Exporter;
import io.sigil.soc.hec.HecAcks;
import io.sigil.soc.hec.HecConfig;
import io.sigil.soc.hec.HecSender;
import io.sigil.soc.hec.HecToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/** Sealed records to a Splunk HTTP Event Collector, each event with its chain fields; optionally with indexer acks. */
@ApplicationScoped
public class HecFeed extends ExporterFeed {

    private final AuditConfig.Hec config;
    private final int batch;

    public HecFeed(AuditConfig config) {
        this.config = config.feeds().hec();
        this.batch = config.feeds().batch();
    }

    /** With acks, {@code max-in-flight} requests of one batch each are handed over at once, to be acked together. */
    @Override
    public int recordsPerRound(int configured) {
        return config.ack().enabled()
                ? Math.multiplyExact(configured, config.ack().maxInFlight())
                : configured;
    }

    @Override
    public String name() {
        return "hec";
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    protected Exporter create() {
        String url = config.url().orElseThrow(() -> new IllegalStateException("sigil.audit.feeds.hec.url is not set"));
        String token =
                config.token().orElseThrow(() -> new IllegalStateException("sigil.audit.feeds.hec.token is not set"));
        HecConfig hec = HecConfig.of(URI.create(url), new HecToken(token), config.hostname());
        AuditConfig.Ack ack = config.ack();
        if (ack.enabled()) {
            hec = hec.withAcks(ack.channel()
                            .map(channel -> new HecAcks(channel, ack.pollInterval(), ack.timeout()))
                            .orElseGet(() -> HecAcks.onNewChannel(ack.pollInterval(), ack.timeout()))
                            .withMaxInFlight(ack.maxInFlight()))
                    .withMaxEventsPerRequest(batch);
        }
        return new HecSender(hec);
    }
}
