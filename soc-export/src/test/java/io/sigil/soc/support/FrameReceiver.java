package io.sigil.soc.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A JDK syslog receiver for unit tests: accepts TCP or TLS on 127.0.0.1, reads octet-counted frames and, like
 * rsyslog, closes a session when the sender closes its side.
 */
public final class FrameReceiver implements AutoCloseable {

    /** How sessions behave, to provoke each failure the sender must handle. */
    public enum Mode {
        NORMAL,
        /** Reads frames but never closes on the sender's half-close. */
        NEVER_CLOSE,
        /** Accepts and then never reads a byte. */
        NEVER_READ
    }

    private final ServerSocket server;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Set<Socket> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;
    private volatile Mode mode = Mode.NORMAL;

    private FrameReceiver(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "frame-receiver-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static FrameReceiver plain() throws IOException {
        return new FrameReceiver(bind(new ServerSocket()));
    }

    public static FrameReceiver tls(SSLContext serverContext) throws IOException {
        return new FrameReceiver(bind(serverContext.getServerSocketFactory().createServerSocket()));
    }

    private static ServerSocket bind(ServerSocket socket) throws IOException {
        socket.setReceiveBufferSize(4096);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return socket;
    }

    public int port() {
        return server.getLocalPort();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public int connectionsAccepted() {
        return accepted.get();
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    public List<String> awaitMessages(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (messages.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return messages();
    }

    /** Closes every open session, as a restarting receiver would. */
    public void dropSessions() throws IOException {
        for (Socket s : new ArrayList<>(sessions)) {
            s.close();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket session = server.accept();
                accepted.incrementAndGet();
                sessions.add(session);
                Thread reader = new Thread(() -> serve(session), "frame-session");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket session) {
        Mode current = mode;
        try {
            if (current == Mode.NEVER_READ) {
                while (!session.isClosed()) {
                    Thread.sleep(20);
                }
                return;
            }
            InputStream in = session.getInputStream();
            while (true) {
                String frame = readFrame(in);
                if (frame == null) {
                    break;
                }
                messages.add(frame);
            }
            if (current == Mode.NEVER_CLOSE) {
                while (!session.isClosed()) {
                    Thread.sleep(20);
                }
            }
        } catch (IOException e) {
            // The sender went away mid-frame: whatever was complete is recorded.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sessions.remove(session);
            try {
                session.close();
            } catch (IOException ignored) {
                // Closing a session that is already gone.
            }
        }
    }

    /** One octet-counted frame, or null at a clean end of stream between frames. */
    private static String readFrame(InputStream in) throws IOException {
        int length = 0;
        int digits = 0;
        while (true) {
            int b = in.read();
            if (b == -1) {
                if (digits == 0) {
                    return null;
                }
                throw new IOException("stream ended inside a frame length");
            }
            if (b == ' ') {
                break;
            }
            if (b < '0' || b > '9' || ++digits > 9) {
                throw new IOException("not an octet-counted frame (byte " + b + ")");
            }
            length = length * 10 + (b - '0');
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new IOException("stream ended inside a frame");
        }
        ByteArrayOutputStream copy = new ByteArrayOutputStream(length);
        copy.writeBytes(body);
        return copy.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropSessions();
    }
}
