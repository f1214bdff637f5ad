package io.sigil.soc.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** One open TCP or TLS stream to a syslog receiver. */
final class SyslogConnection implements AutoCloseable {

    private static final List<String> ALLOWED_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final Socket socket;
    private final SyslogTarget target;

    private SyslogConnection(Socket socket, SyslogTarget target) {
        this.socket = socket;
        this.target = target;
    }

    static SyslogConnection open(SyslogTarget target) throws IOException {
        Socket raw = new Socket();
        try {
            raw.connect(new InetSocketAddress(target.host(), target.port()), millis(target.connectTimeout()));
            raw.setSoTimeout(millis(target.ioTimeout()));
            raw.setKeepAlive(true);
            Socket socket = target.tls().isPresent()
                    ? startTls(raw, target, target.tls().get())
                    : raw;
            return new SyslogConnection(socket, target);
        } catch (IOException | RuntimeException e) {
            closeQuietly(raw);
            throw e;
        }
    }

    private static Socket startTls(Socket raw, SyslogTarget target, SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(raw, target.host(), target.port(), true);
        String[] protocols = Arrays.stream(tls.getSupportedProtocols())
                .filter(ALLOWED_PROTOCOLS::contains)
                .toArray(String[]::new);
        if (protocols.length == 0) {
            throw new IOException("no TLS 1.2 or 1.3 support in the given SSLContext");
        }
        SSLParameters params = tls.getSSLParameters();
        params.setProtocols(protocols);
        // The "HTTPS" rules (RFC 2818) are the RFC 6125 name checks RFC 5425 asks of a syslog TLS client.
        params.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(params);
        tls.startHandshake();
        return tls;
    }

    /**
     * True when the receiver has closed or broken the stream. A syslog receiver never sends data, so a read that
     * times out at once means a live idle stream, while end-of-stream or an error means it is gone.
     */
    boolean peerGone() {
        try {
            socket.setSoTimeout(1);
            try {
                socket.getInputStream().read();
                return true;
            } finally {
                socket.setSoTimeout(millis(target.ioTimeout()));
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Writes and flushes; a watchdog closes the socket if the receiver stops reading, as sockets have no write timeout. */
    void write(byte[] payload, ScheduledExecutorService watchdog) throws IOException {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> guard = watchdog.schedule(
                () -> {
                    expired.set(true);
                    close();
                },
                target.ioTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            OutputStream out = socket.getOutputStream();
            out.write(payload);
            out.flush();
        } catch (IOException e) {
            throw expired.get() ? new SocketTimeoutException("write not completed within " + target.ioTimeout()) : e;
        } finally {
            guard.cancel(false);
        }
        if (expired.get()) {
            throw new SocketTimeoutException("write not completed within " + target.ioTimeout());
        }
    }

    /** Half-closes and waits for the receiver's own close, which it sends only after reading everything. */
    void awaitPeerClose() throws IOException {
        socket.shutdownOutput();
        InputStream in = socket.getInputStream();
        byte[] sink = new byte[256];
        long deadline = System.nanoTime() + target.ioTimeout().toNanos();
        while (in.read(sink) != -1) {
            // A receiver that talks back is not a syslog receiver we know; keep draining until it closes.
            if (System.nanoTime() > deadline) {
                throw new SocketTimeoutException("receiver did not close within " + target.ioTimeout());
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // Nothing left to deliver on a socket being discarded.
        }
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }
}
