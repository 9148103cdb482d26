package org.suifang.server.e2e;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntBinaryOperator;

/**
 * A TCP proxy between a tablet and the server that cuts connections at chosen points of an HTTP/1.1
 * exchange. Every request goes to the server on a fresh connection marked {@code Connection:
 * close}, and every response reaches the tablet marked so too, so one connection carries one
 * exchange. The next {@code POST /api/v1/sync} requests take the queued {@link Cut}s; everything
 * else passes. Each exchange is logged with the sizes the proxy saw.
 */
final class CuttingProxy implements AutoCloseable {

  /** Where one exchange is cut. */
  static final class Cut {
    final String label;
    final Kind kind;
    // REQUEST_PREFIX: (head length, body length) -> body bytes forwarded.
    // RESPONSE_PREFIX: (head length, total length) -> response bytes relayed.
    final IntBinaryOperator bytes;

    private Cut(String label, Kind kind, IntBinaryOperator bytes) {
      this.label = label;
      this.kind = kind;
      this.bytes = bytes;
    }

    /** The connection is closed as soon as it is accepted: nothing reaches the server. */
    static Cut refuse() {
      return new Cut("connection closed on accept", Kind.REFUSE, (h, t) -> 0);
    }

    /** The request head and part of its body reach the server, then both sides are closed. */
    static Cut requestPrefix(String label, IntBinaryOperator bodyBytes) {
      return new Cut(label, Kind.REQUEST_PREFIX, bodyBytes);
    }

    /** The whole request reaches the server, then both sides are closed before it answers. */
    static Cut afterRequest() {
      return new Cut("closed after the whole request", Kind.AFTER_REQUEST, (h, t) -> 0);
    }

    /**
     * The server answers in full (it has committed); the tablet gets only a prefix of the response.
     */
    static Cut responsePrefix(String label, IntBinaryOperator responseBytes) {
      return new Cut(label, Kind.RESPONSE_PREFIX, responseBytes);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  enum Kind {
    REFUSE,
    REQUEST_PREFIX,
    AFTER_REQUEST,
    RESPONSE_PREFIX
  }

  /** One exchange as the proxy saw it. */
  record Exchange(
      String requestLine,
      String cut,
      int requestBody,
      int forwardedBody,
      int responseHead,
      int responseTotal,
      int relayed) {}

  private final int serverPort;
  private final ServerSocket listener;
  private final Queue<Cut> cuts = new ConcurrentLinkedQueue<>();
  private final List<Exchange> log = Collections.synchronizedList(new ArrayList<>());
  private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
  private final Thread acceptor;

  CuttingProxy(int serverPort) throws IOException {
    this.serverPort = serverPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "cutting-proxy-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Returns the URL the tablet should use instead of the server's. */
  String url() {
    return "http://127.0.0.1:" + listener.getLocalPort() + "/";
  }

  /** Cuts the next sync request as {@code cut} (cuts queue up, one per sync request). */
  void cutNextSync(Cut cut) {
    cuts.add(cut);
  }

  /** Returns the exchanges so far, oldest first. */
  List<Exchange> log() {
    synchronized (log) {
      return new ArrayList<>(log);
    }
  }

  /** Returns the last exchange. */
  Exchange last() {
    synchronized (log) {
      return log.get(log.size() - 1);
    }
  }

  /** Returns the proxy's own failures (a bug in the proxy, not a cut); empty when all is well. */
  List<Throwable> failures() {
    synchronized (failures) {
      return new ArrayList<>(failures);
    }
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        if (!listener.isClosed()) {
          failures.add(e);
        }
        return;
      }
      Thread handler = new Thread(() -> handle(client), "cutting-proxy-connection");
      handler.setDaemon(true);
      handler.start();
    }
  }

  private void handle(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      byte[] head = readHead(in);
      if (head == null) {
        return;
      }
      String headText = new String(head, StandardCharsets.ISO_8859_1);
      String requestLine = headText.substring(0, headText.indexOf("\r\n"));
      if (header(headText, "transfer-encoding") != null) {
        throw new IllegalStateException("chunked requests are not supported: " + requestLine);
      }
      String length = header(headText, "content-length");
      byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length.trim()));
      Cut cut = requestLine.startsWith("POST /api/v1/sync ") ? cuts.poll() : null;
      if (cut != null && cut.kind == Kind.REFUSE) {
        log.add(new Exchange(requestLine, cut.label, body.length, 0, 0, 0, 0));
        return;
      }
      byte[] forwardedHead = withConnectionClose(headText);
      try (Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort)) {
        OutputStream up = server.getOutputStream();
        up.write(forwardedHead);
        if (cut != null && cut.kind == Kind.REQUEST_PREFIX) {
          int n = cut.bytes.applyAsInt(forwardedHead.length, body.length);
          up.write(body, 0, n);
          up.flush();
          log.add(new Exchange(requestLine, cut.label, body.length, n, 0, 0, 0));
          return;
        }
        up.write(body);
        up.flush();
        if (cut != null && cut.kind == Kind.AFTER_REQUEST) {
          log.add(new Exchange(requestLine, cut.label, body.length, body.length, 0, 0, 0));
          return;
        }
        byte[] response = readResponse(server.getInputStream());
        int responseHead = indexOfHeadEnd(response) + 4;
        int relay = response.length;
        if (cut != null) {
          relay = cut.bytes.applyAsInt(responseHead, response.length);
        }
        OutputStream down = client.getOutputStream();
        down.write(response, 0, relay);
        down.flush();
        log.add(
            new Exchange(
                requestLine,
                cut == null ? "none" : cut.label,
                body.length,
                body.length,
                responseHead,
                response.length,
                relay));
      }
    } catch (SocketException | EOFException e) {
      // The tablet gave up on a cut connection; nothing to do.
    } catch (IOException | RuntimeException e) {
      failures.add(e);
    }
  }

  /** Reads up to and including the blank line; null if the stream ends first. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int matched = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      out.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return out.toByteArray();
      }
    }
  }

  /** Reads one whole response, framed by Content-Length, chunked encoding or the end of stream. */
  private static byte[] readResponse(InputStream in) throws IOException {
    byte[] head = readHead(in);
    if (head == null) {
      throw new EOFException("the server closed without answering");
    }
    String headText = new String(head, StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(withConnectionClose(headText));
    String length = header(headText, "content-length");
    String encoding = header(headText, "transfer-encoding");
    if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      while (true) {
        String sizeLine = readLine(in);
        out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
        if (size == 0) {
          // Trailers, up to the blank line.
          while (true) {
            String trailer = readLine(in);
            out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (trailer.isEmpty()) {
              return out.toByteArray();
            }
          }
        }
        out.write(readExactly(in, size + 2));
      }
    }
    if (length != null) {
      out.write(readExactly(in, Integer.parseInt(length.trim())));
      return out.toByteArray();
    }
    out.write(in.readAllBytes());
    return out.toByteArray();
  }

  private static byte[] readExactly(InputStream in, int n) throws IOException {
    byte[] bytes = in.readNBytes(n);
    if (bytes.length < n) {
      throw new EOFException("the server's response ended early");
    }
    return bytes;
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the server's response ended early");
      }
      if (b == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r'
            ? line.substring(0, end - 1)
            : line.toString();
      }
      line.append((char) b);
    }
  }

  private static int indexOfHeadEnd(byte[] response) {
    for (int i = 0; i + 3 < response.length; i++) {
      if (response[i] == '\r'
          && response[i + 1] == '\n'
          && response[i + 2] == '\r'
          && response[i + 3] == '\n') {
        return i;
      }
    }
    throw new IllegalStateException("no end of head");
  }

  /** The head with any Connection header replaced by {@code Connection: close}. */
  private static byte[] withConnectionClose(String head) {
    StringBuilder out = new StringBuilder();
    String[] lines = head.split("\r\n");
    for (String line : lines) {
      if (line.isEmpty() || line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
        continue;
      }
      out.append(line).append("\r\n");
    }
    out.append("Connection: close\r\n\r\n");
    return out.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
