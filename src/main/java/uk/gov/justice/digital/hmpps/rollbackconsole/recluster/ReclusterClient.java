package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * Talks to one pod of hmpps-person-record through a port-forward. The base address is given per call because the
 * forward's local port changes when it is re-established.
 * <p>
 * A recluster request is sent at most once. Every automatic resend OkHttp knows is switched off: no retry on a
 * failed connection, a one-shot body (which also stops the resend on 408 and on 503 with {@code Retry-After: 0}),
 * no redirects, and no pooled connections, whose staleness after a forward restarts would otherwise turn into an
 * outcome nobody can know.
 */
public final class ReclusterClient implements AutoCloseable {

    /** @param call the whole call, connect to last byte; zero for none */
    public record Timeouts(Duration connect, Duration write, Duration read, Duration call) {
        /** The service answers a recluster request at once; a minute without an answer is no longer normal. */
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(120));

        public Timeouts {
            Objects.requireNonNull(connect, "connect");
            Objects.requireNonNull(write, "write");
            Objects.requireNonNull(read, "read");
            Objects.requireNonNull(call, "call");
        }
    }

    private static final MediaType JSON = MediaType.get("application/json");
    private static final int MAX_BODY_TEXT = 4096;

    private final OkHttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();

    public ReclusterClient() {
        this(Timeouts.DEFAULT);
    }

    public ReclusterClient(Timeouts timeouts) {
        this.http = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                .connectTimeout(timeouts.connect())
                .writeTimeout(timeouts.write())
                .readTimeout(timeouts.read())
                .callTimeout(timeouts.call())
                .build();
    }

    public Health health(URI base) {
        Request request = new Request.Builder().url(url(base, "health")).get().build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.peekBody(MAX_BODY_TEXT).string();
            String status = statusOf(text);
            if (response.code() == 200 && "UP".equals(status)) {
                return new Health(Health.Status.UP, "UP");
            }
            return new Health(Health.Status.DOWN, "HTTP " + response.code()
                    + (status != null ? ", status " + status : text.isBlank() ? "" : ": " + text.strip()));
        } catch (IOException e) {
            return new Health(Health.Status.UNREACHABLE, describe(e));
        }
    }

    /** Sends the batch once. Never throws for what the network or the service does: that is the outcome. */
    public SendOutcome send(URI base, Batch batch) {
        AtomicBoolean bodyWritten = new AtomicBoolean();
        byte[] body = batch.body();
        RequestBody requestBody = new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSON;
            }

            @Override
            public long contentLength() {
                return body.length;
            }

            @Override
            public boolean isOneShot() {
                return true;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(body);
                // From here on the service may hold the whole request; before it, it cannot.
                bodyWritten.set(true);
            }
        };
        Request request = new Request.Builder().url(url(base, "admin/recluster"))
                .header("Connection", "close")
                .post(requestBody)
                .build();
        Call call = http.newCall(request);
        try (Response response = call.execute()) {
            if (response.isSuccessful()) {
                return new SendOutcome.Accepted(response.code());
            }
            return new SendOutcome.Rejected(response.code(), response.peekBody(MAX_BODY_TEXT).string());
        } catch (IOException e) {
            if (bodyWritten.get()) {
                return new SendOutcome.Unknown(describe(e) + " after the whole request was sent");
            }
            return new SendOutcome.NotSent(describe(e));
        }
    }

    private String statusOf(String text) {
        try {
            JsonNode status = mapper.readTree(text).path("status");
            return status.isTextual() ? status.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static HttpUrl url(URI base, String path) {
        HttpUrl parsed = HttpUrl.get(base.toString());
        return parsed.newBuilder().encodedPath("/" + path).build();
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.net.SocketTimeoutException || e instanceof java.io.InterruptedIOException) {
            return "no answer in time (" + (message == null ? "timeout" : message) + ")";
        }
        if (e instanceof java.net.ConnectException) {
            return "could not connect (" + message + "); is the port-forward up?";
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
