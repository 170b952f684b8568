package uk.schoolsocial.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The command bench's closed loop: a number of clients, each on its own thread, each sending its
 * next operation as soon as the last one answered, for a fixed window that starts for all of them
 * at once; every latency is kept.
 */
final class ClosedLoop {

    private ClosedLoop() {
    }

    record Window(long[] latencies, int failures, long startNanos, long endNanos, long startEpochMs,
                          long endEpochMs, AtomicReference<String> firstFailure) {
    }

    /** {@code clients} threads, each running its client in a loop for {@code seconds}, with every latency. */
    static Window run(CommandBench.ClientFactory factory, int clients, int seconds) throws Exception {
        List<CommandBench.Client> opened = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            opened.add(factory.open(i));
        }
        List<long[]> perClient = new ArrayList<>();
        int[] counts = new int[clients];
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        long[] window = new long[2];
        for (int i = 0; i < clients; i++) {
            long[] latencies = new long[1 << 17];
            perClient.add(latencies);
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    ready.countDown();
                    go.await();
                    long end = window[1];
                    CommandBench.Client client = opened.get(index);
                    while (true) {
                        long start = System.nanoTime();
                        if (start - end >= 0) {
                            break;
                        }
                        try {
                            client.run();
                            if (counts[index] < latencies.length) {
                                latencies[counts[index]++] = System.nanoTime() - start;
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, e.toString());
                            Thread.sleep(10);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        ready.await();
        long startEpochMs = System.currentTimeMillis();
        window[0] = System.nanoTime();
        window[1] = window[0] + seconds * 1_000_000_000L;
        go.countDown();
        done.await();
        long endNanos = System.nanoTime();
        long endEpochMs = System.currentTimeMillis();
        for (CommandBench.Client client : opened) {
            client.close();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < clients; i++) {
            System.arraycopy(perClient.get(i), 0, all, at, counts[i]);
            at += counts[i];
        }
        return new Window(all, failures.get(), window[0], endNanos, startEpochMs, endEpochMs, firstFailure);
    }

    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
