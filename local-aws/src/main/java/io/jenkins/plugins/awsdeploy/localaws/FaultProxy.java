package io.jenkins.plugins.awsdeploy.localaws;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A loopback proxy that makes a local AWS endpoint misbehave the way real AWS does now and then: throttling,
 * 500/503 errors and lost connections. Faults are drawn from a seeded {@link Random}, so a failing test
 * replays the same sequence of faults when its calls come in the same order.
 *
 * <p>Every fault except {@link Fault#DROP_AFTER_FORWARD} is injected before forwarding, so the target saw
 * nothing: a retry is always safe. {@code DROP_AFTER_FORWARD} lets the call take effect and loses the answer,
 * which is what a test of idempotent retries needs.
 */
public final class FaultProxy implements AutoCloseable {

    /** What can go wrong with one request. */
    public enum Fault {
        /** HTTP 400 with the protocol's throttling error: the SDK's {@code isThrottlingException()} is true. */
        THROTTLING(new WireProtocol.AwsError(400, "ThrottlingException", "Throttling", "Sender", "Rate exceeded")),
        /** HTTP 500 InternalFailure. */
        INTERNAL_ERROR(new WireProtocol.AwsError(500, "InternalFailure", "InternalFailure", "Receiver",
                "The request processing has failed because of an unknown error, exception or failure.")),
        /** HTTP 503 ServiceUnavailable. */
        SERVICE_UNAVAILABLE(new WireProtocol.AwsError(503, "ServiceUnavailable", "ServiceUnavailable", "Receiver",
                "Service is unavailable.")),
        /** The connection is closed without an answer; the target never sees the request. */
        DROP(null),
        /** The target handles the request, then the connection is closed without passing its answer on. */
        DROP_AFTER_FORWARD(null),
        /**
         * The request is read and never answered, until the proxy is closed: an endpoint that accepts connections
         * and hangs. Only the client's own timeouts end the call. The target never sees the request.
         */
        NO_ANSWER(null);

        private final WireProtocol.AwsError error;

        Fault(WireProtocol.AwsError error) {
            this.error = error;
        }
    }

    private final Upstream upstream;
    private final Random random;
    private final Predicate<String> eligible;
    private final Map<Fault, AtomicLong> injected = new EnumMap<>(Fault.class);
    private final AtomicLong passed = new AtomicLong();
    private final Queue<Fault> scripted = new ConcurrentLinkedQueue<>();
    private volatile Map<Fault, Double> rates;
    private final LoopbackHttpServer server;
    private final CountDownLatch closed = new CountDownLatch(1);

    private FaultProxy(Builder builder) throws IOException {
        this.upstream = new Upstream(builder.target);
        this.random = new Random(builder.seed);
        this.eligible = builder.eligible;
        this.rates = Collections.unmodifiableMap(new EnumMap<>(builder.rates));
        for (Fault fault : Fault.values()) {
            injected.put(fault, new AtomicLong());
        }
        this.server = new LoopbackHttpServer("fault-proxy", this::handle);
    }

    /** A proxy in front of {@code target}, e.g. {@link CloudWatchBridge#endpoint()}; no faults until configured. */
    public static Builder builder(URI target) {
        return new Builder(target);
    }

    /** The endpoint to give SDK clients instead of the target's. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** Changes one fault's probability for the requests to come (e.g. none while a test sets up its fixture). */
    public void setRate(Fault fault, double probability) {
        synchronized (random) {
            rates = Collections.unmodifiableMap(validated(rates, fault, probability));
        }
    }

    /** Forces these faults on the next eligible requests, in order, before any random draw. */
    public void injectNext(Fault... faults) {
        scripted.addAll(List.of(faults));
    }

    /** How many requests got {@code fault}. */
    public long injected(Fault fault) {
        return injected.get(fault).get();
    }

    public long injectedTotal() {
        return injected.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** How many requests were forwarded and answered unchanged. */
    public long passed() {
        return passed.get();
    }

    public void resetCounters() {
        injected.values().forEach(counter -> counter.set(0));
        passed.set(0);
    }

    @Override
    public void close() {
        closed.countDown();
        server.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        WireProtocol protocol = WireProtocol.of(exchange);
        // moto's own API (reset, dashboard) is test plumbing, not an AWS call.
        boolean aws = !exchange.getRequestURI().getRawPath().startsWith("/moto-api");
        Fault fault = aws && eligible.test(protocol.operation(exchange, body)) ? nextFault() : null;
        if (fault == null) {
            HttpResponse<byte[]> response = upstream.forward(exchange, body);
            // Counted before answering: a test reads the counters as soon as its call returns.
            passed.incrementAndGet();
            Upstream.relay(exchange, response);
            return;
        }
        if (fault == Fault.DROP_AFTER_FORWARD) {
            upstream.forward(exchange, body);
        }
        injected.get(fault).incrementAndGet();
        if (fault == Fault.NO_ANSWER) {
            hang(exchange);
        } else if (fault.error != null) {
            protocol.answer(exchange, fault.error);
        } else {
            // Closing before any response header makes the JDK server close the socket: the client sees an IOException.
            exchange.close();
        }
    }

    private void hang(HttpExchange exchange) {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    private Fault nextFault() {
        Fault forced = scripted.poll();
        if (forced != null) {
            return forced;
        }
        synchronized (random) {
            double draw = random.nextDouble();
            double cumulative = 0;
            for (Map.Entry<Fault, Double> rate : rates.entrySet()) {
                cumulative += rate.getValue();
                if (draw < cumulative) {
                    return rate.getKey();
                }
            }
            return null;
        }
    }

    private static Map<Fault, Double> validated(Map<Fault, Double> rates, Fault fault, double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("a probability is between 0 and 1, not " + probability + " for " + fault);
        }
        Map<Fault, Double> updated = new EnumMap<>(Fault.class);
        updated.putAll(rates);
        updated.put(fault, probability);
        double total = updated.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total > 1 + 1e-9) {
            throw new IllegalArgumentException("fault probabilities add up to " + total + ", more than 1: " + updated);
        }
        return updated;
    }

    /** Settings of a {@link FaultProxy}. */
    public static final class Builder {

        private final URI target;
        private Map<Fault, Double> rates = new EnumMap<>(Fault.class);
        private long seed = 42;
        private Predicate<String> eligible = operation -> true;

        private Builder(URI target) {
            this.target = target;
        }

        /** The probability that a request gets {@code fault}; all probabilities together are at most 1. */
        public Builder rate(Fault fault, double probability) {
            rates = validated(rates, fault, probability);
            return this;
        }

        /** Seed of the fault draws (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Limits faults to the operations this accepts, named as on the wire: {@code ModifyListener},
         * {@code PutMetricAlarm}, or {@code "METHOD /path"} for REST services. Other requests always pass.
         */
        public Builder onlyFor(Predicate<String> operation) {
            this.eligible = operation;
            return this;
        }

        public FaultProxy start() throws IOException {
            return new FaultProxy(this);
        }
    }
}
