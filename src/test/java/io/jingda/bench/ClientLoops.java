package io.jingda.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * The generator's client event loops: one context on each, bounded fan-out of joins and connects over
 * all of them, and a probe of how late they run, so that a reader can tell when the client is the limit.
 */
final class ClientLoops {
    private final Vertx vertx;
    private final List<Context> contexts = new ArrayList<>();

    /** One context on each of {@code loops} event loops (each deployed verticle gets the next loop). */
    ClientLoops(Vertx vertx, int loops) throws Exception {
        this.vertx = vertx;
        for (int k = 0; k < loops; k++) {
            Promise<Context> p = Promise.promise();
            vertx.deployVerticle(new AbstractVerticle() {
                @Override
                public void start() {
                    p.complete(context);
                }
            }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            contexts.add(p.future().result());
        }
    }

    List<Context> contexts() {
        return contexts;
    }

    /**
     * Runs {@code task} for 0..n-1 with at most {@code concurrency} in flight; returns how many succeeded.
     * A null future means "nothing to do" for that index. The workers start on every loop: a connection
     * stays on the event loop of the context that opened it, or all the sockets would share one thread.
     */
    int bounded(int n, int concurrency, Duration timeout, String what, IntFunction<Future<?>> task,
                BiConsumer<Integer, Throwable> failed) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        Runnable[] worker = new Runnable[1];
        worker[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= n) {
                return;
            }
            Future<?> f = task.apply(i);
            if (f == null) {
                done.countDown();
                worker[0].run();
                return;
            }
            f.onComplete(ar -> {
                if (ar.succeeded()) {
                    ok.incrementAndGet();
                } else {
                    failed.accept(i, ar.cause());
                }
                done.countDown();
                worker[0].run();
            });
        };
        for (int c = 0; c < Math.min(concurrency, n); c++) {
            contexts.get(c % contexts.size()).runOnContext(v -> worker[0].run());
        }
        if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(what + " did not finish");
        }
        return ok.get();
    }

    /** Measures on every loop how late a 10 ms timer fires, into {@code lag}, while {@code running} holds. */
    void probeLag(Stats lag, BooleanSupplier running) {
        contexts.forEach(ctx -> probe(ctx, lag, running));
    }

    private void probe(Context ctx, Stats lag, BooleanSupplier running) {
        ctx.runOnContext(v -> {
            long due = System.currentTimeMillis() + 10;
            vertx.setTimer(10, t -> {
                lag.add(Math.max(0, System.currentTimeMillis() - due));
                if (running.getAsBoolean()) {
                    probe(ctx, lag, running);
                }
            });
        });
    }
}
