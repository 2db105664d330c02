package dev.httpauth.bench.memory;

import org.openjdk.jol.info.GraphLayout;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The objects reachable from a root, as JOL counts them: the total shallow size and the count and
 * size per class. Only these sums are kept, because JOL's per-object records would double the heap
 * and its address-based subtraction breaks when a collection moves objects between two walks.
 */
record Footprint(long totalBytes, Map<String, Long> countByClass, Map<String, Long> bytesByClass) {

    static Footprint of(Object root) {
        GraphLayout layout = GraphLayout.parseInstance(root);
        Map<String, Long> counts = new HashMap<>();
        Map<String, Long> bytes = new HashMap<>();
        for (Class<?> type : layout.getClasses()) {
            counts.merge(type.getName(), layout.getClassCounts().count(type), Long::sum);
            bytes.merge(type.getName(), layout.getClassSizes().count(type), Long::sum);
        }
        return new Footprint(layout.totalSize(), Map.copyOf(counts), Map.copyOf(bytes));
    }

    /** Returns the classes whose instance count differs between {@code earlier} and this footprint. */
    Set<String> classesChangedSince(Footprint earlier) {
        Set<String> names = new TreeSet<>(countByClass.keySet());
        names.addAll(earlier.countByClass.keySet());
        names.removeIf(name -> countOf(name) == earlier.countOf(name));
        return names;
    }

    long countOf(String className) {
        return countByClass.getOrDefault(className, 0L);
    }

    long bytesOf(String className) {
        return bytesByClass.getOrDefault(className, 0L);
    }
}
