package dev.httpauth.domain.service;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** Queues tasks until the test runs them, so a test decides when a background refresh happens. Thread-safe. */
final class RecordingExecutor implements Executor {

    private final Queue<Runnable> queued = new ArrayDeque<>();
    private int submitted;

    @Override
    public synchronized void execute(Runnable task) {
        queued.add(task);
        submitted++;
    }

    /** Runs the queued tasks on the calling thread, including tasks they queue, and returns how many ran. */
    int runQueued() {
        int ran = 0;
        for (Runnable task = poll(); task != null; task = poll()) {
            task.run();
            ran++;
        }
        return ran;
    }

    /** Returns the number of tasks submitted so far, run or not. */
    synchronized int submittedCount() {
        return submitted;
    }

    private synchronized Runnable poll() {
        return queued.poll();
    }
}
