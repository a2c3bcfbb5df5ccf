package io.jingda.live.socket;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain {@link Socket}: it writes the handshake and frames byte by byte,
 * so a test can send what no well-behaved client library sends (oversized or fragmented
 * messages, invalid UTF-8) and can stop reading altogether.
 */
final class RawSocket implements AutoCloseable {
    static final int TEXT = 0x1;
    static final int CONTINUATION = 0x0;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    /** A frame as read from the server. */
    record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The close code of a close frame, or -1. */
        int closeCode() {
            return opcode == CLOSE && payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : -1;
        }
    }

    final Socket socket;
    final int status;
    final Map<String, String> headers;
    private final DataInputStream in;
    private final OutputStream out;

    private RawSocket(Socket socket, int status, Map<String, String> headers, InputStream in) throws IOException {
        this.socket = socket;
        this.status = status;
        this.headers = headers;
        this.in = new DataInputStream(in);
        this.out = socket.getOutputStream();
    }

    /**
     * Opens a TCP connection and sends the upgrade request for {@code path}; the answer's status
     * and headers are read. {@code receiveBuffer} (bytes, 0 for the default) is set before the
     * connection so that a client that never reads stalls the server quickly.
     */
    static RawSocket connect(URI base, String path, int receiveBuffer, String... extraHeaders) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);
        }
        s.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 5000);
        s.setSoTimeout(10_000);
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        StringBuilder req = new StringBuilder()
                .append("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(key)).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            req.append(extraHeaders[i]).append(": ").append(extraHeaders[i + 1]).append("\r\n");
        }
        req.append("\r\n");
        s.getOutputStream().write(req.toString().getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        InputStream in = s.getInputStream();
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int prev = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            if (prev == '\r' && b == '\n') {
                byte[] l = line.toByteArray();
                String text = new String(l, 0, l.length - 1, StandardCharsets.US_ASCII);
                if (text.isEmpty()) {
                    break;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
            prev = b;
        }
        if (lines.isEmpty()) {
            throw new IOException("no HTTP answer to the upgrade of " + path);
        }
        int status = Integer.parseInt(lines.get(0).split(" ")[1]);
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String h : lines.subList(1, lines.size())) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
        }
        if (status != 101 && headers.containsKey("Content-Length")) {
            in.readNBytes(Integer.parseInt(headers.get("Content-Length")));
        }
        return new RawSocket(s, status, headers, in);
    }

    /** One masked frame (as every client frame must be). */
    void send(boolean fin, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 14);
        f.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            f.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            f.write(0x80 | 126);
            f.write(payload.length >>> 8);
            f.write(payload.length);
        } else {
            f.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                f.write((int) ((long) payload.length >>> (8 * i)));
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        f.write(mask);
        for (int i = 0; i < payload.length; i++) {
            f.write(payload[i] ^ mask[i & 3]);
        }
        out.write(f.toByteArray());
        out.flush();
    }

    void sendText(String text) throws IOException {
        send(true, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The next frame from the server. */
    Frame read() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        long len = b1 & 0x7F;
        if (len == 126) {
            len = in.readUnsignedShort();
        } else if (len == 127) {
            len = in.readLong();
        }
        byte[] payload = new byte[(int) len];
        in.readFully(payload);
        return new Frame(b0 & 0x0F, payload);
    }

    /** Reads frames until a close frame (its code) or the end of the stream (-1, no close frame). */
    int awaitClose() throws IOException {
        try {
            while (true) {
                Frame f = read();
                if (f.opcode() == CLOSE) {
                    return f.closeCode();
                }
            }
        } catch (java.io.EOFException | java.net.SocketException e) {
            return -1;
        }
    }

    /**
     * True once the server has closed the TCP connection: what it had sent is read and thrown
     * away, then the stream ends (or fails with a reset). False if it is still open.
     */
    boolean serverClosed() {
        byte[] sink = new byte[64 * 1024];
        try {
            socket.setSoTimeout(50);
            while (true) {
                if (in.read(sink) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
