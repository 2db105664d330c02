package dev.httpauth.adapters.store.vault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Starts test programs in separate JVMs with the java binary and class path of this one. */
final class JvmProcesses {

    private JvmProcesses() {
    }

    /**
     * Starts {@code mainClass} with {@code arguments}; its standard error goes to
     * {@code errorFile}.
     */
    static Process start(Class<?> mainClass, Path errorFile, String... arguments) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(
                java,
                // The writers are short-lived: the C1 compiler and the serial collector start fastest.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command)
                .redirectError(errorFile.toFile())
                .start();
    }

    /**
     * Reads the standard output of {@code process} on a background thread until it ends, and
     * returns a latch that opens when the line {@code signal} appears. Reading to the end keeps
     * the pipe from filling up and blocking the process.
     */
    static CountDownLatch watchFor(Process process, String signal) {
        CountDownLatch seen = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try (BufferedReader output = process.inputReader()) {
                String line;
                while ((line = output.readLine()) != null) {
                    if (line.equals(signal)) {
                        seen.countDown();
                    }
                }
            } catch (IOException e) {
                // The process was killed while writing; its output no longer matters.
            }
        });
        return seen;
    }

    /** Waits up to one minute for {@code latch}, a guard against a hung child, not a speed check. */
    static boolean awaitSignal(CountDownLatch latch) throws InterruptedException {
        return latch.await(1, TimeUnit.MINUTES);
    }

    /** Waits up to one minute for {@code process} to exit and returns its exit code. */
    static int awaitExit(Process process) throws InterruptedException {
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("Process " + process.pid() + " did not exit within a minute");
        }
        return process.exitValue();
    }

    static String readOrEmpty(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
