package dev.httpauth.bench.hotpath;

import org.openjdk.jmh.annotations.Threads;

/** The hot-path benchmarks with two caller threads sharing one cached token, one per core of the 2-core benchmark machine. */
@Threads(2)
public class HotPathTwoThreads extends HotPathBenchmarks {
}
