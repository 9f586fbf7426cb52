/**
 * Native batch ingestion: the {@code index_parallel} and {@code index} task types, and {@code compact}
 * ({@link dev.druidtasks.server.ingest.CompactTaskType}), which runs the same ingestion over the rows of
 * published segments.
 *
 * <p>Register them with {@code new IndexTaskType("index_parallel", config)} and
 * {@code new IndexTaskType("index", config)}, where {@link dev.druidtasks.server.ingest.spec.PathConfinement}
 * names the directories {@code local} input may come from and the working directory relative paths
 * resolve against.
 *
 * <p>{@link dev.druidtasks.server.ingest.IngestionRun} drives a run: {@code ingest.read} lists the
 * input and reads its lines into row values, {@code ingest.segment} buffers, sorts, spills and writes
 * the segments.
 *
 * <h2>What a run does</h2>
 * Lists the input (files under {@code baseDir} matching {@code filter}, recursively, sorted by path; the
 * listed {@code files}; or {@code inline} data), reads it line by line ({@code .gz} decompressed by file
 * name), parses each line ({@code json}: one object per line; {@code csv}/{@code tsv}), takes the
 * timestamp, applies {@code transformSpec.filter}, drops rows whose segment-granularity bucket is not one
 * of the {@code intervals}' buckets (Druid's rule), truncates time to {@code queryGranularity}, encodes
 * the dimensions, aggregates the metrics (rolling up when {@code rollup} is on) and writes segments.
 *
 * <h2>Memory</h2>
 * Rows without rollup that arrive in time order within their time chunk are written straight to the
 * chunk's segment file (at most 8 chunks at once). Otherwise rows are held in memory until
 * {@code maxRowsInMemory} rows or {@code maxBytesInMemory} bytes (0: a sixth of the heap, as Druid) are
 * held, then sorted and spilled to run files under the task's work directory, and merged at the end.
 *
 * <h2>Deep storage layout</h2>
 * <pre>
 * &lt;deepStorage&gt;/&lt;dataSource&gt;/&lt;start&gt;_&lt;end&gt;/&lt;version&gt;/&lt;partitionNum&gt;/
 *     rows.json.gz   one JSON object per line, sorted by time: {"__time": millis, dimensions…, metrics…}
 *     meta.json      the segment's metadata, as GET /task/{id}/segments serves it (task.DataSegment)
 * </pre>
 * {@code <start>_<end>} are the chunk's ISO instants with {@code :} replaced by {@code _}; any {@code /},
 * {@code \}, {@code :} or control character in a part becomes {@code _}. A segment's {@code size} is the
 * byte size of its {@code rows.json.gz}; {@code loadSpec} is {@code {"type":"local","path":<segment dir>}}.
 * Null values are left out of rows. Partitions of a chunk are 0..n-1 under the task's lock version, or,
 * when appending, numbers allocated as pending segments under the chunk's existing version. A failed or
 * stopped run removes every directory it created.
 */
package dev.druidtasks.server.ingest;
