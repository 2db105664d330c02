package dev.httpauth.bench.hotpath;

import org.openjdk.jmh.annotations.Threads;

/** The hot-path benchmarks with one caller thread. */
@Threads(1)
public class HotPathOneThread extends HotPathBenchmarks {
}
