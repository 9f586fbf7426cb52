/**
 * The native batch ingestion spec as Jackson binds it: one record per JSON object of Druid's spec,
 * polymorphic where Druid's is ({@code inputSource}, {@code inputFormat}, aggregators, filters).
 *
 * <p>A record's components are declared in the order Druid stores its keys, which is the order
 * Jackson writes them; unknown fields are kept by each record's any-setter and written after the
 * known ones. Compact constructors fill Druid's defaults and refuse what cannot run, throwing
 * {@link dev.druidtasks.server.task.InvalidField} with the field's name below the record, so the
 * task reader can name it by its full path ({@code spec.dataSchema.timestampSpec.column}).
 */
package dev.druidtasks.server.ingest.spec;
