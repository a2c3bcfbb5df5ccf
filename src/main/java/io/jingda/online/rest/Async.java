package io.jingda.online.rest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** A stage whose failure is the error itself, not a CompletionException around it, so the API's mappers see it. */
final class Async {
    private Async() {
    }

    static <T> CompletionStage<T> unwrap(CompletionStage<T> stage) {
        CompletableFuture<T> out = new CompletableFuture<>();
        stage.whenComplete((v, e) -> {
            if (e == null) {
                out.complete(v);
            } else {
                Throwable t = e;
                while (t instanceof CompletionException && t.getCause() != null) {
                    t = t.getCause();
                }
                out.completeExceptionally(t);
            }
        });
        return out;
    }
}
