/**
 * Native batch ingestion: the {@code index_parallel} and {@code index} task types.
 *
 * <p>Segments are written to deep storage under the data dir, one directory per segment:
 * {@code segments/<dataSource>/<start>_<end>/<version>/<partitionNum>/} (colons in times become
 * underscores), holding {@code rows.json.gz} (one JSON object per row: {@code __time} in epoch
 * milliseconds, then the dimensions) and {@code meta.json} (id, interval, version, partition, row
 * count, size, dimensions). Rows keep input order within a segment. A task publishes its segments
 * in the same transaction that records its success; a failed or stopped task deletes its files.
 */
package dev.druidtasks.server.ingest;
