package io.sigil.system.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection to a loopback MCP endpoint, used by one thread at a time: a POST is one write
 * and a blocking read of the whole answer (Content-Length or chunked), with no thread hand-over in the client, so
 * the measured latency is the server's and the kernel's, not a client's executor.
 */
final class LoopbackHttp implements AutoCloseable {

    /** An answer: its status, the session id it issued (or null) and its body. */
    record Answer(int status, String session, String body) {}

    private final URI url;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    LoopbackHttp(URI url) throws IOException {
        if (!"127.0.0.1".equals(url.getHost()) && !"localhost".equals(url.getHost())) {
            throw new IllegalArgumentException("load is only ever sent to loopback");
        }
        this.url = url;
        this.socket = new Socket(url.getHost(), url.getPort());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = socket.getOutputStream();
    }

    Answer post(String token, String session, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(512)
                .append("POST ")
                .append(url.getRawPath())
                .append(" HTTP/1.1\r\nHost: ")
                .append(url.getHost())
                .append(':')
                .append(url.getPort())
                .append("\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n")
                .append("MCP-Protocol-Version: 2025-06-18\r\nContent-Length: ")
                .append(content.length)
                .append("\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (session != null) {
            head.append("Mcp-Session-Id: ").append(session).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        out.write(request);
        out.flush();
        return read();
    }

    private Answer read() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        String session = null;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked =
                        value.toLowerCase(Locale.ROOT).contains("chunked");
                case "mcp-session-id" -> session = value;
                default -> {}
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                body.write(in.readNBytes(size));
                line();
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers are not used by MCP; read past them
            }
        } else if (length >= 0) {
            body.write(in.readNBytes((int) length));
        } else if (status != 202 && status != 204) {
            throw new IOException("an answer without length or chunks (status " + status + ")");
        }
        return new Answer(status, session, body.toString(StandardCharsets.UTF_8));
    }

    private int chunkSize() throws IOException {
        String size = line();
        int extension = size.indexOf(';');
        return Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the connection closed mid-answer");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
