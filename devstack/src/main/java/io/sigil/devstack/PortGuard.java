package io.sigil.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Checks loopback ports before a server is started on them, and waits for a server to open one. */
public final class PortGuard {

    private PortGuard() {}

    /** Fails with one clear line naming the port, its owner-to-be and what to do. */
    public static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException taken) {
            throw new PortTakenException(port, what);
        }
    }

    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** A port that another process holds. */
    public static final class PortTakenException extends IllegalStateException {
        public PortTakenException(int port, String what) {
            super("port " + port + " (" + what + ") is already in use on 127.0.0.1: stop the process that holds it"
                    + " (see `ss -ltnp 'sport = :" + port + "'`), or run `./sigil-mesh down` if it is an earlier mesh");
        }
    }
}
