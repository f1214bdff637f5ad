package io.sigil.audit.feed;

import io.sigil.audit.config.AuditConfig;
import io.sigil.soc.Exporter;
import io.sigil.soc.cef.CefFormatter;
import io.sigil.soc.syslog.SyslogComposer;
import io.sigil.soc.syslog.SyslogTarget;
import io.sigil.soc.syslog.SyslogTcpSender;
import io.sigil.soc.tls.TrustMaterial;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/** Sealed records to a syslog receiver: RFC 5424 with a CEF payload and the chain fields, TCP or TLS. */
@ApplicationScoped
public class SyslogFeed extends ExporterFeed {

    private final AuditConfig.Syslog config;

    public SyslogFeed(AuditConfig config) {
        this.config = config.feeds().syslog();
    }

    @Override
    public String name() {
        return "syslog";
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    protected Exporter create() throws Exception {
        SyslogTarget target;
        if (config.tls()) {
            SSLContext trust = config.caFile().isPresent()
                    ? TrustMaterial.fromPem(Path.of(config.caFile().get()))
                    : SSLContext.getDefault();
            target = SyslogTarget.tls(config.host(), config.port(), trust);
        } else {
            target = SyslogTarget.tcp(config.host(), config.port());
        }
        return new SyslogTcpSender(target, new SyslogComposer(config.hostname(), new CefFormatter()));
    }
}
