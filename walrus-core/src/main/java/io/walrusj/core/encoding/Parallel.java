package io.walrusj.core.encoding;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs {@code taskCount} CPU-bound tasks on {@code parallelism} platform threads (the caller's thread
 * is one of them). Each worker gets its own state from {@code stateFactory} (e.g. an encoder with
 * its work buffer) and pulls task indices until none are left. The first failure is rethrown.
 */
final class Parallel {
    private Parallel() {}

    interface Task<S> {
        void run(S state, int index);
    }

    static <S> void run(int parallelism, int taskCount, Supplier<S> stateFactory, Task<S> task) {
        int workers = Math.max(1, Math.min(parallelism, taskCount));
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            try {
                S state = stateFactory.get();
                for (int i = next.getAndIncrement(); i < taskCount && failure.get() == null; i = next.getAndIncrement()) {
                    task.run(state, i);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int w = 1; w < workers; w++) {
            threads.add(Thread.ofPlatform().daemon().name("walrus-encode-" + w).start(worker));
        }
        worker.run();
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while encoding", e);
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
